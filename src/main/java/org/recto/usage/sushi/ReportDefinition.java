package org.recto.usage.sushi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The COUNTER R5.1 reports this platform offers, with what each counts and how it is laid out. A journal platform
 * offers PR, PR_P1, TR and TR_J1-J4, plus the (encouraged) IR and IR_A1; the database, book and multimedia reports
 * would always be empty here and are left out, as the CoP allows.
 */
enum ReportDefinition {

    PR("Platform Report", Kind.PLATFORM, false,
            "A customizable report summarizing activity across the platform.",
            List.of(M.SP, M.TII, M.TIR, M.UII, M.UIR), List.of("Data_Type"), Map.of(), Set.of("Access_Method")),
    PR_P1("Platform Usage", Kind.PLATFORM, true,
            "Platform-level usage summarized by Metric_Type.",
            List.of(M.SP, M.TIR, M.UIR), List.of("Data_Type"),
            Map.of("Metric_Type", List.of(M.SP, M.TIR, M.UIR, "Unique_Title_Requests"),
                    "Access_Method", List.of("Regular")), Set.of()),
    TR("Title Report", Kind.TITLE, false,
            "A customizable report detailing activity at the journal level.",
            List.of(M.TII, M.TIR, M.UII, M.UIR, M.NL), List.of("Data_Type"), Map.of(),
            Set.of("YOP", "Access_Type", "Access_Method")),
    TR_J1("Journal Requests (Controlled)", Kind.TITLE, true,
            "Reports on journal content requests, excluding Open and Free_To_Read content.",
            List.of(M.TIR, M.UIR), List.of(),
            Map.of("Metric_Type", List.of(M.TIR, M.UIR), "Data_Type", List.of("Journal"),
                    "Access_Type", List.of("Controlled"), "Access_Method", List.of("Regular")), Set.of()),
    TR_J2("Journal Access Denied", Kind.TITLE, true,
            "Reports on access denied activity for journal content where users were denied access.",
            List.of(M.NL), List.of(),
            Map.of("Metric_Type", List.of("Limit_Exceeded", M.NL), "Data_Type", List.of("Journal"),
                    "Access_Method", List.of("Regular")), Set.of()),
    TR_J3("Journal Usage by Access Type", Kind.TITLE, true,
            "Reports on usage of journal content for all Metric_Types broken down by Access_Type.",
            List.of(M.TII, M.TIR, M.UII, M.UIR), List.of("Access_Type"),
            Map.of("Metric_Type", List.of(M.TII, M.TIR, M.UII, M.UIR), "Data_Type", List.of("Journal"),
                    "Access_Method", List.of("Regular")), Set.of()),
    TR_J4("Journal Requests by YOP (Controlled)", Kind.TITLE, true,
            "Breaks down the journal requests (excluding Open and Free_To_Read) by year of publication.",
            List.of(M.TIR, M.UIR), List.of("YOP"),
            Map.of("Metric_Type", List.of(M.TIR, M.UIR), "Data_Type", List.of("Journal"),
                    "Access_Type", List.of("Controlled"), "Access_Method", List.of("Regular")), Set.of()),
    IR("Item Report", Kind.ITEM, false,
            "A customizable report detailing activity at the article level.",
            List.of(M.TII, M.TIR, M.UII, M.UIR, M.NL), List.of("Data_Type"), Map.of(),
            Set.of("YOP", "Access_Type", "Access_Method", "Authors", "Publication_Date", "Article_Version")),
    IR_A1("Journal Article Requests", Kind.ITEM, true,
            "Reports on journal article requests at the article level.",
            List.of(M.TIR, M.UIR), List.of("Access_Type"),
            Map.of("Metric_Type", List.of(M.TIR, M.UIR), "Data_Type", List.of("Article"),
                    "Access_Method", List.of("Regular")), Set.of());

    /** Metric_Type names. */
    static final class M {
        static final String TII = "Total_Item_Investigations";
        static final String TIR = "Total_Item_Requests";
        static final String UII = "Unique_Item_Investigations";
        static final String UIR = "Unique_Item_Requests";
        static final String NL = "No_License";
        /** Searches of the platform; only in platform reports, under Data_Type Platform. */
        static final String SP = "Searches_Platform";

        private M() {
        }
    }

    enum Kind { PLATFORM, TITLE, ITEM }

    static final List<String> COMMON_PARAMS = List.of("customer_id", "requestor_id", "api_key", "platform",
            "begin_date", "end_date");
    /** Order of the filters in a header (Report_Filters) as the samples list them. */
    static final List<String> FILTER_ORDER = List.of("Metric_Type", "Data_Type", "Access_Type", "Access_Method");

    final String reportName;
    final Kind kind;
    final boolean standardView;
    final String description;
    /** The metrics this platform can count for the report, in report order. */
    final List<String> metrics;
    /** Attributes always broken out in Attribute_Performance (besides those asked for with attributes_to_show). */
    final List<String> fixedAttributes;
    /** The pre-set filters of a Standard View, as its header states them. */
    final Map<String, List<String>> presetFilters;
    /** The attributes_to_show values the report accepts. */
    final Set<String> showable;

    ReportDefinition(String reportName, Kind kind, boolean standardView, String description, List<String> metrics,
                     List<String> fixedAttributes, Map<String, List<String>> presetFilters, Set<String> showable) {
        this.reportName = reportName;
        this.kind = kind;
        this.standardView = standardView;
        this.description = description;
        this.metrics = metrics;
        this.fixedAttributes = fixedAttributes;
        this.presetFilters = presetFilters;
        this.showable = showable;
    }

    /**
     * The fewest metrics the report's schema allows in one Performance object: 1 for IR and TR_J2, else 2 (the
     * 5.1 schemas assume a Total_* always comes with its Unique_*, which a No_License-only line breaks).
     */
    int minMetrics() {
        return this == IR || this == TR_J2 ? 1 : 2;
    }

    String id() {
        return name();
    }

    String path() {
        return "/r51/reports/" + name().toLowerCase(Locale.ROOT);
    }

    /** The query parameters the report's path declares. */
    Set<String> parameters() {
        java.util.Set<String> p = new java.util.LinkedHashSet<>(COMMON_PARAMS);
        if (!standardView) {
            p.addAll(List.of("metric_type", "data_type", "access_method", "attributes_to_show", "granularity",
                    "attributed", "country_code", "subdivision_code"));
            if (kind != Kind.PLATFORM) {
                p.addAll(List.of("access_type", "yop", "item_id"));
            }
            if (kind == Kind.ITEM) {
                p.addAll(List.of("include_parent_details", "include_component_details", "author"));
            }
        }
        return p;
    }

    /** The Data_Type this platform's usage has in the report: journals at platform and title level, articles at item level. */
    String dataType() {
        return kind == Kind.ITEM ? "Article" : "Journal";
    }

    static Optional<ReportDefinition> byPathId(String id) {
        for (ReportDefinition d : values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
