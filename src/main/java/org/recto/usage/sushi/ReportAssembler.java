package org.recto.usage.sushi;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.recto.article.ArticleSummary;
import org.recto.article.JournalMeta;
import org.recto.article.PubDate;

/**
 * Builds a COUNTER R5.1 report from monthly rows and the articles' metadata: the JSON of the SUSHI API and the
 * tabular (tab-separated) form, from the same lines, so both always carry the same numbers.
 */
class ReportAssembler {

    private static final DateTimeFormatter TSV_MONTH = DateTimeFormatter.ofPattern("MMM-yyyy", Locale.ENGLISH);
    private static final String DOI_PATTERN = "^10\\.[1-9][0-9]{3}[0-9.]*/\\S+$";

    private final String platform;
    private final String namespace;
    private final String createdBy;
    private final String registryRecord;

    ReportAssembler(String platform, String createdBy, String registryRecord) {
        this.platform = platform;
        // A proprietary identifier is "namespace:value", the namespace 2-18 characters of [A-Za-z0-9_./].
        String ns = platform.replaceAll("[^A-Za-z0-9_./]", "");
        if (ns.isEmpty() || !Character.isLetter(ns.charAt(0))) {
            ns = "P" + ns;
        }
        this.namespace = ns.length() < 2 ? ns + "_" : ns.substring(0, Math.min(18, ns.length()));
        this.createdBy = createdBy.length() < 2 ? createdBy + " " : createdBy;
        this.registryRecord = registryRecord;
    }

    /** An article's metadata as reports need it (empty strings when the store does not know the DOI). */
    record Meta(String doi, String title, String publisher, String journalKey, String journalTitle,
                String issnPrint, String issnOnline, List<String> authors, String publicationDate, String yop) {

        static Meta of(String doi, ArticleSummary s) {
            if (s == null) {
                return new Meta(doi, doi, "", null, "", null, null, List.of(), null, "0001");
            }
            JournalMeta j = s.journal();
            PubDate d = s.publicationDate();
            String date = d != null && d.year() != null && d.month() != null && d.day() != null ? d.iso() : null;
            String yop = d != null && d.year() != null ? String.format("%04d", d.year()) : "0001";
            return new Meta(doi, nz(s.titleText()), j == null ? "" : nz(j.publisher()), j == null ? null : j.key(),
                    j == null ? "" : nz(j.title()), j == null ? null : issn(j.issnPrint()),
                    j == null ? null : issn(j.issnElectronic()), s.authorNames(), date, yop);
        }
    }

    /** One Attribute_Performance entry: its group (platform, journal or article), attributes and counts. */
    private record Line(Meta meta, Map<String, String> attributes, Map<String, TreeMap<YearMonth, Long>> performance) {
        long total(String metric) {
            TreeMap<YearMonth, Long> m = performance.get(metric);
            return m == null ? 0 : m.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The report's lines, in order: grouped by journal then item, then by attribute values. */
    private List<Line> lines(SushiRequest q, Collection<UsageRows.Row> rows, Map<String, Meta> metas) {
        Map<List<String>, Line> lines = new LinkedHashMap<>();
        if (!q.dataTypeMatches() || !q.methodMatches() || !q.platformMatches()) {
            return List.of();
        }
        for (UsageRows.Row r : rows) {
            Meta meta = metas.getOrDefault(r.doi(), Meta.of(r.doi(), null));
            if (!q.accessTypes().isEmpty() && !q.accessTypes().contains(r.accessType())) {
                continue;
            }
            if (!q.yops().isEmpty()) {
                int y = Integer.parseInt(meta.yop());
                if (q.yops().stream().noneMatch(range -> y >= range[0] && y <= range[1])) {
                    continue;
                }
            }
            if (q.itemId() != null && !matchesItem(q, meta)) {
                continue;
            }
            if (q.author() != null && meta.authors().stream()
                    .noneMatch(a -> a.toLowerCase(Locale.ROOT).contains(q.author().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String a : q.attributes()) {
                attrs.put(a, switch (a) {
                    case "Data_Type" -> r.doi().isEmpty() ? "Platform" : q.report().dataType();
                    case "YOP" -> meta.yop();
                    case "Access_Type" -> r.accessType();
                    case "Access_Method" -> "Regular";
                    default -> throw new IllegalStateException(a);
                });
            }
            List<String> key = new ArrayList<>();
            switch (q.report().kind) {
                case PLATFORM -> { }
                case TITLE -> key.add(journalKey(meta));
                case ITEM -> {
                    key.add(journalKey(meta));
                    key.add(meta.doi());
                }
            }
            key.addAll(attrs.values());
            Meta groupMeta = meta;
            Line line = lines.computeIfAbsent(key, k -> new Line(groupMeta, attrs, new LinkedHashMap<>()));
            YearMonth month = q.granularityTotal() ? q.firstMonth() : r.month();
            for (String metric : q.metrics()) {
                long v = r.get(metric);
                if (v > 0) {
                    line.performance().computeIfAbsent(metric, m -> new TreeMap<>()).merge(month, v, Long::sum);
                }
            }
        }
        List<Line> out = new ArrayList<>(lines.values().stream().filter(l -> !l.performance().isEmpty()).toList());
        // The platform's searches (no item) after the items' lines.
        out.sort(Comparator.comparing((Line l) -> l.meta().doi().isEmpty())
                .thenComparing(l -> l.meta().journalTitle().toLowerCase(Locale.ROOT))
                .thenComparing(l -> journalKey(l.meta()))
                .thenComparing(l -> q.report().kind == ReportDefinition.Kind.ITEM ? l.meta().title().toLowerCase(Locale.ROOT) : "")
                .thenComparing(l -> q.report().kind == ReportDefinition.Kind.ITEM ? l.meta().doi() : "")
                .thenComparing(l -> String.join("|", l.attributes().values())));
        return out;
    }

    private boolean matchesItem(SushiRequest q, Meta meta) {
        String id = q.itemId().strip();
        if (q.report().kind == ReportDefinition.Kind.ITEM) {
            String doi = id.toLowerCase(Locale.ROOT).replaceFirst("^(doi:|https?://(dx\\.)?doi\\.org/)", "");
            return doi.equals(meta.doi());
        }
        String v = id.replaceFirst("^(?i)(print_issn|online_issn|issn|proprietary):", "");
        return v.equalsIgnoreCase(nz(meta.issnPrint())) || v.equalsIgnoreCase(nz(meta.issnOnline()))
                || (meta.journalKey() != null && (v.equals(meta.journalKey()) || id.equals(proprietary(meta.journalKey()))));
    }

    private String proprietary(String value) {
        return namespace + ":" + value;
    }

    private static String journalKey(Meta m) {
        return m.journalKey() == null ? "" : m.journalKey();
    }

    // ---------------------------------------------------------------- JSON

    Map<String, Object> json(SushiRequest q, Collection<UsageRows.Row> rows, Map<String, Meta> metas, Instant created) {
        List<Line> lines = lines(q, rows, metas);
        List<Map<String, Object>> exceptions = new ArrayList<>(q.exceptions());
        addNoUsage(q, lines, exceptions);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("Report_Header", header(q, created, exceptions));
        report.put("Report_Items", items(q, lines));
        return report;
    }

    /** 3030 when the processed part of the period has no usage (3031 already says when none of it is processed). */
    private static void addNoUsage(SushiRequest q, List<Line> lines, List<Map<String, Object>> exceptions) {
        if (lines.isEmpty() && !q.lastMonth().isBefore(q.firstMonth())) {
            exceptions.add(SushiException.json(3030, null));
            exceptions.sort(Comparator.comparingInt(e -> (Integer) e.get("Code")));
        }
    }

    private Map<String, Object> header(SushiRequest q, Instant created, List<Map<String, Object>> exceptions) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("Release", "5.1");
        h.put("Report_ID", q.report().id());
        h.put("Report_Name", q.report().reportName);
        h.put("Created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
        h.put("Created_By", createdBy);
        h.put("Institution_ID", institutionId(q.customerId()));
        h.put("Institution_Name", q.institutionName());
        h.put("Registry_Record", registryRecord);
        if (!q.headerAttributes().isEmpty()) {
            h.put("Report_Attributes", q.headerAttributes());
        }
        h.put("Report_Filters", q.headerFilters());
        if (!exceptions.isEmpty()) {
            h.put("Exceptions", exceptions);
        }
        return h;
    }

    private Map<String, Object> institutionId(String customerId) {
        return Map.of("Proprietary", List.of(proprietary(customerId)));
    }

    private List<Map<String, Object>> items(SushiRequest q, List<Line> lines) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (lines.isEmpty()) {
            return items;
        }
        switch (q.report().kind) {
            case PLATFORM -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("Platform", platform);
                item.put("Attribute_Performance", lines.stream().map(l -> performance(q, l)).toList());
                items.add(item);
            }
            case TITLE -> {
                Map<String, List<Line>> byJournal = group(lines, l -> journalKey(l.meta()));
                byJournal.values().forEach(ls -> {
                    Meta m = ls.get(0).meta();
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("Title", m.journalTitle());
                    item.put("Publisher", m.publisher());
                    item.put("Platform", platform);
                    Map<String, Object> ids = journalIds(m);
                    if (!ids.isEmpty()) {
                        item.put("Item_ID", ids);
                    }
                    item.put("Attribute_Performance", ls.stream().map(l -> performance(q, l)).toList());
                    items.add(item);
                });
            }
            case ITEM -> {
                Map<String, List<Line>> byJournal = q.includeParentDetails() ? group(lines, l -> journalKey(l.meta()))
                        : Map.of("", lines);
                List<Map<String, Object>> orphans = new ArrayList<>();
                byJournal.values().forEach(ls -> {
                    List<Map<String, Object>> articles = new ArrayList<>();
                    group(ls, l -> l.meta().doi()).values().forEach(al -> articles.add(article(q, al)));
                    Meta m = ls.get(0).meta();
                    Map<String, Object> ids = journalIds(m);
                    if (q.includeParentDetails() && !ids.isEmpty()) {
                        Map<String, Object> parent = new LinkedHashMap<>();
                        parent.put("Title", m.journalTitle());
                        parent.put("Item_ID", ids);
                        if (q.report() == ReportDefinition.IR) {
                            parent.put("Data_Type", "Journal");
                        }
                        parent.put("Items", articles);
                        items.add(parent);
                    } else {
                        orphans.addAll(articles);
                    }
                });
                if (!orphans.isEmpty()) {
                    items.add(Map.of("Items", orphans));
                }
            }
        }
        return items;
    }

    private Map<String, Object> article(SushiRequest q, List<Line> ls) {
        Meta m = ls.get(0).meta();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Item", m.title());
        a.put("Publisher", m.publisher());
        a.put("Platform", platform);
        if (q.itemAttributes().contains("Authors")) {
            List<Map<String, Object>> authors = m.authors().stream().filter(n -> n != null && n.strip().length() >= 2)
                    .map(String::strip).distinct().limit(3).map(n -> Map.<String, Object>of("Name", n)).toList();
            if (!authors.isEmpty()) {
                a.put("Authors", authors);
            }
        }
        if (q.itemAttributes().contains("Publication_Date") && m.publicationDate() != null) {
            a.put("Publication_Date", m.publicationDate());
        }
        if (q.itemAttributes().contains("Article_Version")) {
            a.put("Article_Version", "VoR");
        }
        a.put("Item_ID", articleIds(m));
        a.put("Attribute_Performance", ls.stream().map(l -> performance(q, l)).toList());
        return a;
    }

    private Map<String, Object> articleIds(Meta m) {
        Map<String, Object> ids = new LinkedHashMap<>();
        if (m.doi().matches(DOI_PATTERN)) {
            ids.put("DOI", m.doi());
            ids.put("URI", "https://doi.org/" + m.doi().replace("%", "%25").replace("#", "%23").replace("?", "%3F")
                    .replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E"));
        } else {
            ids.put("Proprietary", proprietary(m.doi()));
        }
        return ids;
    }

    private Map<String, Object> journalIds(Meta m) {
        Map<String, Object> ids = new LinkedHashMap<>();
        if (m.issnPrint() != null) {
            ids.put("Print_ISSN", m.issnPrint());
        }
        if (m.issnOnline() != null) {
            ids.put("Online_ISSN", m.issnOnline());
        }
        if (m.journalKey() != null && !m.journalKey().isBlank()) {
            ids.put("Proprietary", proprietary(m.journalKey()));
        }
        return ids;
    }

    private Map<String, Object> performance(SushiRequest q, Line l) {
        Map<String, Object> p = new LinkedHashMap<>(l.attributes());
        Map<String, Object> perf = new LinkedHashMap<>();
        for (String metric : q.metrics()) {
            TreeMap<YearMonth, Long> counts = l.performance().get(metric);
            if (counts != null && !counts.isEmpty()) {
                Map<String, Long> c = new LinkedHashMap<>();
                counts.forEach((month, n) -> c.put(month.toString(), n));
                perf.put(metric, c);
            }
        }
        // The schemas want at least two metrics per Performance in most reports: when a line has fewer (e.g. only
        // No_License), the next requested metrics are stated with an explicit 0 for the line's first month.
        // (Not the platform's searches line: Searches_Platform stands alone under Data_Type Platform.)
        if (perf.size() < q.report().minMetrics() && !l.performance().isEmpty() && !l.meta().doi().isEmpty()) {
            String month = l.performance().values().iterator().next().firstKey().toString();
            Map<String, Object> padded = new LinkedHashMap<>();
            int missing = q.report().minMetrics() - perf.size();
            for (String metric : q.metrics()) {
                if (perf.containsKey(metric)) {
                    padded.put(metric, perf.get(metric));
                } else if (missing > 0) {
                    padded.put(metric, Map.of(month, 0L));
                    missing--;
                }
            }
            perf = padded;
        }
        p.put("Performance", perf);
        return p;
    }

    private static <K> Map<K, List<Line>> group(List<Line> lines, java.util.function.Function<Line, K> key) {
        Map<K, List<Line>> g = new LinkedHashMap<>();
        for (Line l : lines) {
            g.computeIfAbsent(key.apply(l), k -> new ArrayList<>()).add(l);
        }
        return g;
    }

    // ---------------------------------------------------------------- tabular

    String tsv(SushiRequest q, Collection<UsageRows.Row> rows, Map<String, Meta> metas, Instant created) {
        List<Line> lines = lines(q, rows, metas);
        List<Map<String, Object>> exceptions = new ArrayList<>(q.exceptions());
        addNoUsage(q, lines, exceptions);
        ReportDefinition r = q.report();
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "Report_Name", r.reportName);
        row(out, "Report_ID", r.id());
        row(out, "Release", "5.1");
        row(out, "Institution_Name", q.institutionName());
        row(out, "Institution_ID", "Proprietary:" + proprietary(q.customerId()));
        @SuppressWarnings("unchecked")
        List<String> metricTypes = (List<String>) q.headerFilters().getOrDefault("Metric_Type", List.of());
        row(out, "Metric_Types", String.join("; ", metricTypes));
        List<String> filters = new ArrayList<>();
        q.headerFilters().forEach((k, v) -> {
            if (!k.equals("Begin_Date") && !k.equals("End_Date") && !k.equals("Metric_Type")) {
                filters.add(k + "=" + (v instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList()) : v));
            }
        });
        row(out, "Report_Filters", String.join("; ", filters));
        List<String> attrs = new ArrayList<>();
        q.headerAttributes().forEach((k, v) -> attrs.add(k + "=" + (v instanceof List<?> list
                ? String.join("|", list.stream().map(String::valueOf).toList()) : v)));
        row(out, "Report_Attributes", String.join("; ", attrs));
        row(out, "Exceptions", String.join("; ", exceptions.stream().map(e -> e.get("Code") + ": " + e.get("Message")
                + (e.containsKey("Data") ? " (" + e.get("Data") + ")" : "")).toList()));
        row(out, "Reporting_Period", "Begin_Date=" + q.begin() + "; End_Date=" + q.end());
        row(out, "Created", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS)));
        row(out, "Created_By", createdBy);
        row(out, "Registry_Record", registryRecord);
        out.append("\r\n");

        List<String> columns = columns(q);
        List<YearMonth> months = new ArrayList<>();
        if (!q.granularityTotal()) {
            for (YearMonth m = q.firstMonth(); !m.isAfter(q.lastMonth()); m = m.plusMonths(1)) {
                months.add(m);
            }
        }
        List<String> heading = new ArrayList<>(columns);
        heading.add("Metric_Type");
        heading.add("Reporting_Period_Total");
        months.forEach(m -> heading.add(TSV_MONTH.format(m)));
        row(out, heading.toArray(String[]::new));
        for (Line l : lines) {
            Map<String, String> cells = cells(q, l);
            for (String metric : q.metrics()) {
                long total = l.total(metric);
                if (total == 0) {
                    continue; // zero rows are left out of tabular reports
                }
                List<String> values = new ArrayList<>();
                columns.forEach(c -> values.add(cells.getOrDefault(c, "")));
                values.add(metric);
                values.add(Long.toString(total));
                TreeMap<YearMonth, Long> counts = l.performance().get(metric);
                months.forEach(m -> values.add(Long.toString(counts.getOrDefault(m, 0L))));
                row(out, values.toArray(String[]::new));
            }
        }
        return out.toString();
    }

    private static List<String> columns(SushiRequest q) {
        List<String> c = new ArrayList<>();
        ReportDefinition r = q.report();
        switch (r.kind) {
            case PLATFORM -> {
                c.add("Platform");
                c.add("Data_Type");
            }
            case TITLE -> {
                c.addAll(List.of("Title", "Publisher", "Publisher_ID", "Platform", "DOI", "Proprietary_ID"));
                if (r == ReportDefinition.TR) {
                    c.add("ISBN");
                }
                c.addAll(List.of("Print_ISSN", "Online_ISSN", "URI"));
            }
            case ITEM -> {
                c.addAll(List.of("Item", "Publisher", "Publisher_ID", "Platform"));
                for (String a : List.of("Authors", "Publication_Date", "Article_Version")) {
                    if (r == ReportDefinition.IR_A1 || q.itemAttributes().contains(a)) {
                        c.add(a);
                    }
                }
                c.addAll(List.of("DOI", "Proprietary_ID"));
                if (r == ReportDefinition.IR) {
                    c.add("ISBN");
                }
                c.addAll(List.of("Print_ISSN", "Online_ISSN", "URI"));
                if (r == ReportDefinition.IR_A1) {
                    c.addAll(List.of("Parent_Title", "Parent_Authors", "Parent_Article_Version", "Parent_DOI",
                            "Parent_Proprietary_ID", "Parent_Print_ISSN", "Parent_Online_ISSN", "Parent_URI"));
                } else if (q.includeParentDetails()) {
                    c.addAll(List.of("Parent_Title", "Parent_Authors", "Parent_Publication_Date", "Parent_Article_Version",
                            "Parent_Data_Type", "Parent_DOI", "Parent_Proprietary_ID", "Parent_ISBN", "Parent_Print_ISSN",
                            "Parent_Online_ISSN", "Parent_URI"));
                }
            }
        }
        for (String a : q.attributes()) {
            if (!c.contains(a)) {
                c.add(a);
            }
        }
        return c;
    }

    private Map<String, String> cells(SushiRequest q, Line l) {
        Meta m = l.meta();
        Map<String, String> c = new LinkedHashMap<>(l.attributes());
        c.put("Platform", platform);
        switch (q.report().kind) {
            case PLATFORM -> { }
            case TITLE -> {
                c.put("Title", m.journalTitle());
                c.put("Publisher", m.publisher());
                c.put("Proprietary_ID", m.journalKey() == null ? "" : proprietary(m.journalKey()));
                c.put("Print_ISSN", nz(m.issnPrint()));
                c.put("Online_ISSN", nz(m.issnOnline()));
            }
            case ITEM -> {
                c.put("Item", m.title());
                c.put("Publisher", m.publisher());
                c.put("Authors", String.join("; ", m.authors().stream().limit(3).toList()));
                c.put("Publication_Date", nz(m.publicationDate()));
                c.put("Article_Version", q.itemAttributes().contains("Article_Version") ? "VoR" : "");
                Map<String, Object> ids = articleIds(m);
                c.put("DOI", (String) ids.getOrDefault("DOI", ""));
                c.put("URI", (String) ids.getOrDefault("URI", ""));
                c.put("Proprietary_ID", (String) ids.getOrDefault("Proprietary", ""));
                c.put("Parent_Title", m.journalTitle());
                c.put("Parent_Data_Type", "Journal");
                c.put("Parent_Proprietary_ID", m.journalKey() == null ? "" : proprietary(m.journalKey()));
                c.put("Parent_Print_ISSN", nz(m.issnPrint()));
                c.put("Parent_Online_ISSN", nz(m.issnOnline()));
            }
        }
        return c;
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** A cell: no tab or line break inside; a leading formula character is neutralised for spreadsheets. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        String v = s.replaceAll("[\\t\\r\\n]+", " ");
        if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0
                || v.length() > 1 && v.charAt(0) == '-' && !Character.isDigit(v.charAt(1))) {
            v = "'" + v;
        }
        return v;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String issn(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (v.matches("\\d{7}[\\dX]")) {
            v = v.substring(0, 4) + "-" + v.substring(4);
        }
        return v.matches("\\d{4}-\\d{3}[\\dX]") ? v : null;
    }
}
