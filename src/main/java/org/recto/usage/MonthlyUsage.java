package org.recto.usage;

import java.time.YearMonth;

/**
 * One month of an article's usage, every count robot- and double-click-filtered.
 *
 * @param abstractViews           landing-page views (including denied full-text attempts sent to the abstract)
 * @param fullTextViews           HTML views + PDF and EPUB downloads (= Total_Item_Requests)
 * @param totalItemInvestigations Total_Item_Investigations
 * @param uniqueItemRequests      Unique_Item_Requests
 */
public record MonthlyUsage(YearMonth month, long abstractViews, long htmlViews, long pdfViews, long epubViews,
                           long fullTextViews, long totalItemInvestigations, long uniqueItemRequests) {
}
