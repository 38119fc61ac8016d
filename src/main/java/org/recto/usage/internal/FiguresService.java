package org.recto.usage.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.recto.usage.ArticleUsage;
import org.recto.usage.MonthlyUsage;
import org.recto.usage.UsageFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads an article's figures from the roll-up tables: global (every institution and none), every access type.
 * Not cached here: the landing page that shows them is prepared once and kept until the next roll-up
 * ({@link org.recto.usage.UsageRolledUp}), so a cache here could only serve a stale roll-up to a new page.
 */
public class FiguresService implements UsageFigures {

    private static final Logger log = LoggerFactory.getLogger(FiguresService.class);

    public static final List<String> METRICS = List.of("Total_Item_Investigations", "Total_Item_Requests",
            "Unique_Item_Investigations", "Unique_Item_Requests", "No_License");

    private final JdbcClient jdbc;

    public FiguresService(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The days the figures cover: the first day with counted events, the last day the roll-up covered. */
    public Optional<LocalDate[]> coverage() {
        LocalDate to = jdbc.sql("SELECT covered_to FROM usage_rollup_state WHERE id = 1")
                .query((rs, i) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).optional().orElse(null);
        if (to == null) {
            return Optional.empty();
        }
        LocalDate from = jdbc.sql("SELECT MIN(usage_day) FROM usage_rollup_day")
                .query((rs, i) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).optional().orElse(null);
        return Optional.of(new LocalDate[] {from == null ? to : from, to});
    }

    @Override
    public Optional<ArticleUsage> forArticle(String doi) {
        if (doi == null || doi.isBlank() || doi.length() > 300) {
            return Optional.empty();
        }
        return read(doi.strip());
    }

    private Optional<ArticleUsage> read(String doi) {
        try {
            Optional<LocalDate[]> cov = coverage();
            if (cov.isEmpty()) {
                return Optional.of(ArticleUsage.beforeFirstRollUp(doi, METRICS));
            }
            LocalDate from = cov.get()[0];
            LocalDate to = cov.get()[1];
            record Row(int year, int month, long tii, long tir, long uii, long uir, long nl, long abs, long html,
                       long pdf, long epub) {
            }
            List<Row> rows = jdbc.sql("""
                            SELECT EXTRACT(YEAR FROM usage_day) AS y, EXTRACT(MONTH FROM usage_day) AS m,
                                   SUM(total_item_investigations) AS tii, SUM(total_item_requests) AS tir,
                                   SUM(unique_item_investigations) AS uii, SUM(unique_item_requests) AS uir,
                                   SUM(no_license) AS nl, SUM(abstract_views) AS abs_v, SUM(html_views) AS html_v,
                                   SUM(pdf_views) AS pdf_v, SUM(epub_views) AS epub_v
                            FROM usage_daily WHERE doi = :doi AND usage_day <= :to
                            GROUP BY EXTRACT(YEAR FROM usage_day), EXTRACT(MONTH FROM usage_day)
                            ORDER BY 1, 2""")
                    .param("doi", doi.strip().toLowerCase(Locale.ROOT)).param("to", Date.valueOf(to))
                    .query((rs, i) -> new Row(rs.getInt("y"), rs.getInt("m"), rs.getLong("tii"), rs.getLong("tir"),
                            rs.getLong("uii"), rs.getLong("uir"), rs.getLong("nl"), rs.getLong("abs_v"),
                            rs.getLong("html_v"), rs.getLong("pdf_v"), rs.getLong("epub_v")))
                    .list();
            long[] t = new long[9];
            List<MonthlyUsage> months = new ArrayList<>();
            Map<YearMonth, Row> byMonth = new LinkedHashMap<>();
            for (Row r : rows) {
                byMonth.put(YearMonth.of(r.year(), r.month()), r);
                t[0] += r.tii(); t[1] += r.tir(); t[2] += r.uii(); t[3] += r.uir(); t[4] += r.nl();
                t[5] += r.abs(); t[6] += r.html(); t[7] += r.pdf(); t[8] += r.epub();
            }
            // Every month of the covered range, zeros included, so the chart's time axis has no gaps.
            for (YearMonth ym = YearMonth.from(from); !ym.isAfter(YearMonth.from(to)); ym = ym.plusMonths(1)) {
                Row r = byMonth.get(ym);
                months.add(r == null ? new MonthlyUsage(ym, 0, 0, 0, 0, 0, 0, 0)
                        : new MonthlyUsage(ym, r.abs(), r.html(), r.pdf(), r.epub(), r.tir(), r.tii(), r.uir()));
            }
            Map<String, Long> totals = new LinkedHashMap<>();
            for (int i = 0; i < METRICS.size(); i++) {
                totals.put(METRICS.get(i), t[i]);
            }
            return Optional.of(new ArticleUsage(doi, t[6], t[7], t[8], t[5], from, to, totals, months));
        } catch (RuntimeException e) {
            log.warn("Usage figures for {} cannot be read: {}", doi, e.toString());
            return Optional.empty();
        }
    }
}
