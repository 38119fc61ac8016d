package org.recto.usage;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's usage figures as of the last daily roll-up, for the landing-page panel and the JSON API.
 *
 * <p>How the seed's figures map to COUNTER R5.1 (all counts exclude robots and double-clicks, CoP 7.2 and 7.8,
 * and sum every institution and non-institutional reader):
 * <ul>
 * <li>{@code htmlViews}: Total_Item_Requests whose format is the HTML full text;</li>
 * <li>{@code pdfViews}: Total_Item_Requests whose format is PDF ({@code epubViews} likewise for EPUB), so
 *     html + pdf + epub = Total_Item_Requests;</li>
 * <li>{@code abstractViews}: Investigations that are not Requests, i.e. landing-page views plus denied
 *     full-text attempts redirected to the abstract, so abstract + html + pdf + epub = Total_Item_Investigations.</li>
 * </ul>
 *
 * @param capturedFrom the first day on which the platform captured usage
 * @param capturedTo   the last day the roll-up has counted
 * @param metricTotals the COUNTER totals keyed by Metric_Type name (Total_Item_Investigations,
 *                     Total_Item_Requests, Unique_Item_Investigations, Unique_Item_Requests, No_License);
 *                     no Unique_Title_* as R5.1 keeps those for books
 * @param months       month by month, oldest first, only months inside the captured range
 * @param rolledUp     false before the platform's first daily roll-up: every figure is zero and the
 *                     captured range is null, since nothing has been counted yet
 */
public record ArticleUsage(String doi, long htmlViews, long pdfViews, long epubViews, long abstractViews,
                           LocalDate capturedFrom, LocalDate capturedTo, Map<String, Long> metricTotals,
                           List<MonthlyUsage> months, boolean rolledUp) {

    public ArticleUsage {
        metricTotals = Collections.unmodifiableMap(new LinkedHashMap<>(metricTotals));
        months = List.copyOf(months);
        if (rolledUp && capturedFrom != null && capturedTo != null && capturedFrom.isAfter(capturedTo)) {
            capturedFrom = capturedTo; // a range that ends before it starts reads as nonsense; one day it is
        }
    }

    /** Figures as of a roll-up. */
    public ArticleUsage(String doi, long htmlViews, long pdfViews, long epubViews, long abstractViews,
                        LocalDate capturedFrom, LocalDate capturedTo, Map<String, Long> metricTotals,
                        List<MonthlyUsage> months) {
        this(doi, htmlViews, pdfViews, epubViews, abstractViews, capturedFrom, capturedTo, metricTotals, months, true);
    }

    /** Before the first roll-up: zeros for every figure and metric, no captured range. */
    public static ArticleUsage beforeFirstRollUp(String doi, List<String> metrics) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        metrics.forEach(m -> zeros.put(m, 0L));
        return new ArticleUsage(doi, 0, 0, 0, 0, null, null, zeros, List.of(), false);
    }

    /** Whether the figures cover one day only (the captured sentence then names that day). */
    public boolean oneDay() {
        return capturedFrom != null && capturedFrom.equals(capturedTo);
    }

    /** Html + PDF + EPUB views: the seed's "Full text views". */
    public long fullTextViews() {
        return htmlViews + pdfViews + epubViews;
    }

    /** The largest monthly total (full text + abstract), for scaling the chart. */
    public long maxMonthlyViews() {
        return months.stream().mapToLong(m -> m.fullTextViews() + m.abstractViews()).max().orElse(0);
    }
}
