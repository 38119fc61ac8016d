package org.recto.usage.sushi;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.recto.usage.internal.FiguresService;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads rolled-up monthly counts for reports from {@code usage_daily}. */
class UsageRows {

    /** One item's counts in one month under one Access_Type. */
    record Row(String doi, String accessType, YearMonth month, long tii, long tir, long uii, long uir, long nl,
               long searches) {
        long get(String metric) {
            return switch (metric) {
                case ReportDefinition.M.SP -> searches;
                case ReportDefinition.M.TII -> tii;
                case ReportDefinition.M.TIR -> tir;
                case ReportDefinition.M.UII -> uii;
                case ReportDefinition.M.UIR -> uir;
                case ReportDefinition.M.NL -> nl;
                default -> 0;
            };
        }
    }

    private final JdbcClient jdbc;
    private final FiguresService figures;

    UsageRows(DataSource dataSource, FiguresService figures) {
        this.jdbc = JdbcClient.create(dataSource);
        this.figures = figures;
    }

    /** Counts between the dates (inclusive) for one institution, or for all usage when institution is null. */
    List<Row> monthly(String platform, String institution, LocalDate from, LocalDate to) {
        String sql = """
                SELECT doi, access_type, EXTRACT(YEAR FROM usage_day) AS y, EXTRACT(MONTH FROM usage_day) AS m,
                       SUM(total_item_investigations) AS tii, SUM(total_item_requests) AS tir,
                       SUM(unique_item_investigations) AS uii, SUM(unique_item_requests) AS uir,
                       SUM(no_license) AS nl, SUM(searches_platform) AS sp
                FROM usage_daily
                WHERE usage_day BETWEEN :from AND :to AND platform = :platform
                """ + (institution == null ? "" : " AND institution = :institution") + """

                GROUP BY doi, access_type, EXTRACT(YEAR FROM usage_day), EXTRACT(MONTH FROM usage_day)
                ORDER BY doi, access_type, 3, 4""";
        var spec = jdbc.sql(sql).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("platform", platform);
        if (institution != null) {
            spec = spec.param("institution", institution);
        }
        return spec.query((rs, i) -> new Row(rs.getString("doi"), rs.getString("access_type"),
                YearMonth.of(rs.getInt("y"), rs.getInt("m")), rs.getLong("tii"), rs.getLong("tir"), rs.getLong("uii"),
                rs.getLong("uir"), rs.getLong("nl"), rs.getLong("sp"))).list();
    }

    /** The first day with counted usage and the last day the roll-up covered. */
    Optional<LocalDate[]> coverage() {
        return figures.coverage();
    }

    /** The last month whose every day the roll-up has counted, if any. */
    Optional<YearMonth> lastCompleteMonth() {
        return coverage().map(c -> {
            LocalDate to = c[1];
            YearMonth m = YearMonth.from(to);
            return to.equals(m.atEndOfMonth()) ? m : m.minusMonths(1);
        });
    }
}
