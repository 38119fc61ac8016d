package org.recto.usage.sushi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A report request after parsing: what to count and for whom, the header's filters and attributes, and the
 * warnings (exceptions of a 200 response) found on the way.
 *
 * @param institution      the customer whose usage is reported; null for "The World" (all usage)
 * @param metrics          the metrics to report, in report order
 * @param accessTypes      Access_Type values to keep; empty = all
 * @param dataTypeMatches  false when a data_type filter leaves out this platform's Data_Type (no usage then)
 * @param methodMatches    false when an access_method filter leaves out Regular (all usage here is Regular)
 * @param platformMatches  false when the platform parameter names another platform
 * @param yops             YOP ranges [from, to] to keep; empty = all
 * @param attributes       Attribute_Performance attributes broken out (Data_Type, YOP, Access_Type, Access_Method)
 * @param itemAttributes   item-level attributes shown (Authors, Publication_Date, Article_Version)
 */
record SushiRequest(ReportDefinition report, String customerId, String institutionName, String institution,
                    LocalDate begin, LocalDate end, YearMonth firstMonth, YearMonth lastMonth,
                    List<String> metrics, Set<String> accessTypes, boolean dataTypeMatches, boolean methodMatches,
                    boolean platformMatches, List<int[]> yops, String itemId, String author,
                    List<String> attributes, Set<String> itemAttributes, boolean granularityTotal,
                    boolean includeParentDetails, Map<String, Object> headerFilters,
                    Map<String, Object> headerAttributes, List<Map<String, Object>> exceptions) {
}
