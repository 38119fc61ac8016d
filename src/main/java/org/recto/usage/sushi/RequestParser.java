package org.recto.usage.sushi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.recto.usage.internal.UsageProperties;

/** Turns SUSHI query parameters into a {@link SushiRequest}, or a {@link SushiException} for the errors that stop it. */
class RequestParser {

    /** The customer id of "The World": every institution's usage and that of no institution. */
    static final String WORLD = "0000000000000000";

    private static final Set<String> PR_METRICS = Set.of("Searches_Platform", "Total_Item_Investigations",
            "Total_Item_Requests", "Unique_Item_Investigations", "Unique_Item_Requests", "Unique_Title_Investigations",
            "Unique_Title_Requests");
    private static final Set<String> TR_METRICS = Set.of("Total_Item_Investigations", "Total_Item_Requests",
            "Unique_Item_Investigations", "Unique_Item_Requests", "Unique_Title_Investigations", "Unique_Title_Requests",
            "Limit_Exceeded", "No_License");
    private static final Set<String> IR_METRICS = Set.of("Total_Item_Investigations", "Total_Item_Requests",
            "Unique_Item_Investigations", "Unique_Item_Requests", "Limit_Exceeded", "No_License");
    private static final Set<String> PR_DATA_TYPES = Set.of("Article", "Audiovisual", "Book", "Book_Segment", "Conference",
            "Conference_Item", "Database_Full_Item", "Dataset", "Image", "Interactive_Resource", "Journal", "Multimedia",
            "News_Item", "Newspaper_or_Newsletter", "Other", "Patent", "Platform", "Reference_Item", "Reference_Work",
            "Report", "Software", "Sound", "Standard", "Thesis_or_Dissertation", "Unspecified");
    private static final Set<String> TR_DATA_TYPES = Set.of("Book", "Conference", "Journal", "Newspaper_or_Newsletter",
            "Other", "Patent", "Reference_Work", "Report", "Standard", "Thesis_or_Dissertation", "Unspecified");
    private static final Set<String> IR_DATA_TYPES = Set.of("Article", "Audiovisual", "Book_Segment", "Conference_Item",
            "Database_Full_Item", "Dataset", "Image", "Interactive_Resource", "Multimedia", "News_Item", "Other", "Patent",
            "Reference_Item", "Report", "Software", "Sound", "Standard", "Thesis_or_Dissertation", "Unspecified");
    private static final List<String> ACCESS_TYPES = List.of("Controlled", "Open", "Free_To_Read");
    private static final List<String> ACCESS_METHODS = List.of("Regular", "TDM");
    private static final List<String> ATTRIBUTE_ORDER = List.of("Data_Type", "YOP", "Access_Type", "Access_Method");

    private final UsageProperties props;

    RequestParser(UsageProperties props) {
        this.props = props;
    }

    /** A customer the request may see: its id and name, and the institution key in usage_daily (null = all). */
    record Customer(String customerId, String name, String institutionId, String institutionKey) {
    }

    /** Checks customer_id and api_key (CoP 8, App. D: 1030, 2010, 2011, 2020). */
    Customer authorize(Map<String, String> params) {
        String customerId = single(params, "customer_id");
        if (customerId == null) {
            throw new SushiException(1030, "customer_id is required");
        }
        String apiKey = single(params, "api_key");
        if (WORLD.equals(customerId)) {
            if (props.worldApiKey().isEmpty()) {
                throw new SushiException(2011, null);
            }
            if (!sameSecret(props.worldApiKey(), apiKey)) {
                throw new SushiException(2020, null);
            }
            return new Customer(WORLD, "The World", null, null);
        }
        for (UsageProperties.Institution inst : props.institutions()) {
            if (inst.customerId().equals(customerId)) {
                if (inst.apiKey() == null || inst.apiKey().isEmpty()) {
                    // No key configured: refuse rather than serve an institution's usage to anyone.
                    throw new SushiException(2000, "no API key is configured for this customer");
                }
                if (!sameSecret(inst.apiKey(), apiKey)) {
                    throw new SushiException(2020, null);
                }
                return new Customer(inst.customerId(), inst.name(), inst.institutionId(), inst.customerId());
            }
        }
        throw new SushiException(2010, null);
    }

    private static boolean sameSecret(String expected, String given) {
        if (given == null) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            byte[] b = MessageDigest.getInstance("SHA-256").digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SushiRequest parse(ReportDefinition report, Customer customer, Map<String, String> params,
                       Optional<YearMonth> lastAvailable, YearMonth currentMonth) {
        List<Map<String, Object>> exceptions = new ArrayList<>();
        String beginRaw = single(params, "begin_date");
        String endRaw = single(params, "end_date");
        if (beginRaw == null || endRaw == null) {
            throw new SushiException(1030, "begin_date and end_date are required");
        }
        LocalDate begin = parseDate(beginRaw, true);
        LocalDate end = parseDate(endRaw, false);
        if (begin.isAfter(end)) {
            throw new SushiException(3020, "begin_date is after end_date");
        }
        if (!YearMonth.from(begin).isBefore(currentMonth)) {
            throw new SushiException(3020, "begin_date is in the current or a future month");
        }
        YearMonth first = YearMonth.from(begin);
        YearMonth last = YearMonth.from(end);
        YearMonth available = lastAvailable.orElse(null);
        if (available == null || last.isAfter(available)) {
            YearMonth notReadyFrom = available == null || first.isAfter(available) ? first : available.plusMonths(1);
            exceptions.add(SushiException.json(3031, notReadyFrom + (notReadyFrom.equals(last) ? "" : " to " + last)));
            last = available == null ? first.minusMonths(1) : (last.isAfter(available) ? available : last);
        }

        Set<String> known = report.parameters();
        List<String> unknown = params.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            exceptions.add(SushiException.json(3050, String.join(", ", unknown)));
        }

        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("Begin_Date", begin.toString());
        filters.put("End_Date", end.toString());
        List<String> invalidFilters = new ArrayList<>();
        List<String> invalidAttributes = new ArrayList<>();

        boolean platformMatches = true;
        String platform = single(params, "platform");
        if (platform != null) {
            filters.put("Platform", platform);
            platformMatches = platform.equalsIgnoreCase(props.platform());
            if (!platformMatches) {
                invalidFilters.add("platform=" + platform + " (this is " + props.platform() + ")");
            }
        }

        // Filters: the Standard View's presets, or what the request gives for a customizable report.
        List<String> metricFilter = report.standardView ? report.presetFilters.get("Metric_Type")
                : listParam(params, "metric_type", schemaMetrics(report), invalidFilters);
        List<String> dataTypeFilter = report.standardView ? report.presetFilters.get("Data_Type")
                : listParam(params, "data_type", schemaDataTypes(report), invalidFilters);
        List<String> accessTypeFilter = report.standardView ? report.presetFilters.get("Access_Type")
                : report.kind == ReportDefinition.Kind.PLATFORM ? null
                : listParam(params, "access_type", ACCESS_TYPES, invalidFilters);
        List<String> methodFilter = report.standardView ? report.presetFilters.get("Access_Method")
                : listParam(params, "access_method", ACCESS_METHODS, invalidFilters);
        putList(filters, "Metric_Type", metricFilter);
        putList(filters, "Data_Type", dataTypeFilter);
        putList(filters, "Access_Type", accessTypeFilter);
        putList(filters, "Access_Method", methodFilter);

        List<int[]> yops = new ArrayList<>();
        List<String> yopValues = new ArrayList<>();
        if (!report.standardView && report.kind != ReportDefinition.Kind.PLATFORM) {
            for (String y : values(params, "yop")) {
                if (y.matches("\\d{4}")) {
                    yops.add(new int[] {Integer.parseInt(y), Integer.parseInt(y)});
                    yopValues.add(y);
                } else if (y.matches("\\d{4}-\\d{4}") && y.substring(0, 4).compareTo(y.substring(5)) <= 0) {
                    yops.add(new int[] {Integer.parseInt(y.substring(0, 4)), Integer.parseInt(y.substring(5))});
                    yopValues.add(y);
                } else {
                    invalidFilters.add("yop=" + y);
                }
            }
            putList(filters, "YOP", yopValues.isEmpty() ? null : yopValues);
        }
        String itemId = report.standardView || report.kind == ReportDefinition.Kind.PLATFORM ? null : single(params, "item_id");
        if (itemId != null) {
            if (itemId.length() < 2 || itemId.length() > 300) {
                invalidFilters.add("item_id");
                itemId = null;
            } else {
                filters.put("Item_ID", itemId);
            }
        }
        String author = report.kind == ReportDefinition.Kind.ITEM && !report.standardView ? single(params, "author") : null;
        if (author != null) {
            if (author.length() < 2 || author.length() > 200) {
                invalidFilters.add("author");
                author = null;
            } else {
                filters.put("Author", author);
            }
        }
        for (String unsupported : List.of("attributed", "country_code", "subdivision_code")) {
            if (!report.standardView && single(params, unsupported) != null) {
                invalidFilters.add(unsupported + " (usage here is not attributed to countries or subdivisions)");
            }
        }

        // Attributes.
        Map<String, Object> attributes = new LinkedHashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        boolean total = false;
        boolean parents = report == ReportDefinition.IR_A1;
        if (!report.standardView) {
            for (String a : values(params, "attributes_to_show")) {
                if (report.showable.contains(a)) {
                    shown.add(a);
                } else {
                    invalidAttributes.add("attributes_to_show=" + a);
                }
            }
            if (!shown.isEmpty()) {
                attributes.put("Attributes_To_Show", new ArrayList<>(shown));
            }
            String g = single(params, "granularity");
            if (g != null) {
                if (g.equalsIgnoreCase("Month")) {
                    attributes.put("Granularity", "Month");
                } else if (g.equalsIgnoreCase("Total") || g.equalsIgnoreCase("Totals")) {
                    attributes.put("Granularity", "Total");
                    total = true;
                } else {
                    invalidAttributes.add("granularity=" + g);
                }
            }
            if (report.kind == ReportDefinition.Kind.ITEM) {
                String p = single(params, "include_parent_details");
                if (p != null) {
                    if (p.equalsIgnoreCase("True") || p.equalsIgnoreCase("False")) {
                        parents = p.equalsIgnoreCase("True");
                        attributes.put("Include_Parent_Details", parents ? "True" : "False");
                    } else {
                        invalidAttributes.add("include_parent_details=" + p);
                    }
                }
                String c = single(params, "include_component_details");
                if (c != null && c.equalsIgnoreCase("True")) {
                    exceptions.add(SushiException.json(3063, null));
                } else if (c != null && !c.equalsIgnoreCase("False")) {
                    invalidAttributes.add("include_component_details=" + c);
                }
            }
        }
        if (!invalidFilters.isEmpty()) {
            exceptions.add(SushiException.json(3060, String.join("; ", invalidFilters)));
        }
        if (!invalidAttributes.isEmpty()) {
            exceptions.add(SushiException.json(3062, String.join("; ", invalidAttributes)));
        }

        List<String> metrics = report.metrics.stream()
                .filter(m -> metricFilter == null || metricFilter.contains(m)).toList();
        List<String> breakOut = new ArrayList<>();
        for (String a : ATTRIBUTE_ORDER) {
            if (report.fixedAttributes.contains(a) || shown.contains(a)) {
                breakOut.add(a);
            }
        }
        Set<String> itemAttrs = new LinkedHashSet<>();
        for (String a : List.of("Authors", "Publication_Date", "Article_Version")) {
            if (shown.contains(a) || (report == ReportDefinition.IR_A1 && !a.equals("Article_Version"))) {
                itemAttrs.add(a);
            }
        }
        exceptions.sort(Comparator.comparingInt(e -> (Integer) e.get("Code")));
        return new SushiRequest(report, customer.customerId(), customer.name(), customer.institutionKey(), begin, end,
                first, last, metrics, accessTypeFilter == null ? Set.of() : new TreeSet<>(accessTypeFilter),
                dataTypeFilter == null || dataTypeFilter.contains(report.dataType()),
                methodFilter == null || methodFilter.contains("Regular"), platformMatches, yops, itemId, author,
                breakOut, itemAttrs, total, parents, filters, attributes, exceptions);
    }

    private static Set<String> schemaMetrics(ReportDefinition r) {
        return switch (r.kind) {
            case PLATFORM -> PR_METRICS;
            case TITLE -> TR_METRICS;
            case ITEM -> IR_METRICS;
        };
    }

    private static Set<String> schemaDataTypes(ReportDefinition r) {
        return switch (r.kind) {
            case PLATFORM -> PR_DATA_TYPES;
            case TITLE -> TR_DATA_TYPES;
            case ITEM -> IR_DATA_TYPES;
        };
    }

    private static void putList(Map<String, Object> filters, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(name, List.copyOf(values));
        }
    }

    /** A |-separated list parameter: the valid values, or null when absent; invalid values are noted. */
    private static List<String> listParam(Map<String, String> params, String name, java.util.Collection<String> valid,
                                          List<String> invalid) {
        List<String> given = values(params, name);
        if (given.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String v : given) {
            String match = valid.stream().filter(x -> x.equalsIgnoreCase(v)).findFirst().orElse(null);
            if (match == null) {
                invalid.add(name + "=" + v);
            } else if (!out.contains(match)) {
                out.add(match);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static List<String> values(Map<String, String> params, String name) {
        String v = single(params, name);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String single(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static LocalDate parseDate(String s, boolean begin) {
        try {
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(s);
                return begin ? m.atDay(1) : m.atEndOfMonth();
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                // Reports cover whole months (CoP 3.3.8): a date inside a month stands for that month.
                YearMonth m = YearMonth.from(LocalDate.parse(s));
                return begin ? m.atDay(1) : m.atEndOfMonth();
            }
        } catch (DateTimeParseException e) {
            // falls through to the exception below
        }
        throw new SushiException(3020, (begin ? "begin_date" : "end_date") + " must be yyyy-mm-dd or yyyy-mm");
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
