package org.recto.usage.sushi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.usage.internal.FiguresService;
import org.recto.usage.internal.UsageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The COUNTER_SUSHI API, Release 5.1, under {@code /sushi/r51/}: status, members, the list of reports and the
 * reports themselves as JSON; {@code /sushi/r51/reports/{id}.tsv} gives the same report in the tabular layout.
 * Authentication is by customer_id and api_key (IP authentication is not allowed in R5.1); /status is public.
 */
@RestController
@RequestMapping("/sushi/r51")
class SushiController {

    private static final Logger log = LoggerFactory.getLogger(SushiController.class);
    private static final MediaType TSV = new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8);

    private final UsageProperties props;
    private final RequestParser parser;
    private final ReportAssembler assembler;
    private final UsageRows rows;
    private final ObjectProvider<ArticleCatalog> catalog;
    private final Clock clock;

    SushiController(UsageProperties props, DataSource dataSource, FiguresService figures,
                    ObjectProvider<ArticleCatalog> catalog, ObjectProvider<Clock> clock) {
        this.props = props;
        this.parser = new RequestParser(props);
        this.assembler = new ReportAssembler(props.platform(), props.createdBy(), props.registryRecord());
        this.rows = new UsageRows(dataSource, figures);
        this.catalog = catalog;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/status")
    List<Map<String, Object>> status(@RequestParam(required = false) String platform) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Description", "COUNTER Release 5.1 usage reports for " + props.platform() + " (journal articles).");
        boolean active;
        String note;
        try {
            Optional<YearMonth> last = rows.lastCompleteMonth();
            active = true;
            note = last.map(m -> "Usage is available through " + m + ".").orElse("No month has been processed yet.");
        } catch (DataAccessException e) {
            active = false;
            note = "The usage database cannot be reached.";
        }
        s.put("Service_Active", active);
        if (!props.registryRecord().isEmpty()) {
            s.put("Registry_Record", props.registryRecord());
        }
        s.put("Note", note);
        return List.of(s);
    }

    @GetMapping("/members")
    List<Map<String, Object>> members(@RequestParam Map<String, String> params) {
        RequestParser.Customer c = parser.authorize(params);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Customer_ID", c.customerId());
        m.put("Institution_Name", c.name());
        return List.of(m);
    }

    @GetMapping("/reports")
    List<Map<String, Object>> reports(@RequestParam Map<String, String> params) {
        parser.authorize(params);
        YearMonth last = lastAvailable().orElse(YearMonth.now(clock).minusMonths(1));
        YearMonth first = firstAvailable().orElse(last);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReportDefinition d : ReportDefinition.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("Report_Name", d.reportName);
            r.put("Report_ID", d.id());
            r.put("Release", "5.1");
            r.put("Report_Description", d.description);
            r.put("Path", d.path());
            r.put("First_Month_Available", first.toString());
            r.put("Last_Month_Available", last.toString());
            list.add(r);
        }
        return list;
    }

    @GetMapping("/reports/{id}")
    ResponseEntity<Map<String, Object>> report(@PathVariable String id, @RequestParam Map<String, String> params) {
        ReportDefinition d = ReportDefinition.byPathId(id).orElse(null);
        if (d == null) {
            return ResponseEntity.notFound().build();
        }
        SushiRequest q = request(d, params);
        List<UsageRows.Row> data = data(q);
        return ResponseEntity.ok(assembler.json(q, data, metas(data), clock.instant()));
    }

    @GetMapping("/reports/{id}.tsv")
    ResponseEntity<String> tabular(@PathVariable String id, @RequestParam Map<String, String> params) {
        ReportDefinition d = ReportDefinition.byPathId(id).orElse(null);
        if (d == null) {
            return ResponseEntity.notFound().build();
        }
        SushiRequest q = request(d, params);
        List<UsageRows.Row> data = data(q);
        String name = d.id() + "_" + q.customerId().replaceAll("[^A-Za-z0-9_-]", "_") + "_" + q.firstMonth() + "_"
                + q.end().toString().substring(0, 7) + ".tsv";
        return ResponseEntity.ok().contentType(TSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(assembler.tsv(q, data, metas(data), clock.instant()));
    }

    private SushiRequest request(ReportDefinition d, Map<String, String> params) {
        RequestParser.Customer c = parser.authorize(params);
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        return parser.parse(d, c, params, lastAvailable(), current);
    }

    /** The rows of the request's processed months. */
    private List<UsageRows.Row> data(SushiRequest q) {
        return q.lastMonth().isBefore(q.firstMonth()) ? List.of()
                : rows.monthly(props.platform(), q.institution(), q.firstMonth().atDay(1), q.lastMonth().atEndOfMonth());
    }

    private Map<String, ReportAssembler.Meta> metas(List<UsageRows.Row> data) {
        TreeSet<String> dois = new TreeSet<>();
        data.forEach(r -> dois.add(r.doi()));
        Map<String, ReportAssembler.Meta> metas = new HashMap<>();
        ArticleCatalog c = catalog.getIfAvailable();
        if (c != null && !dois.isEmpty()) {
            try {
                for (ArticleSummary s : c.summaries(dois)) {
                    String doi = s.doi().toLowerCase(Locale.ROOT);
                    metas.put(doi, ReportAssembler.Meta.of(doi, s));
                }
            } catch (RuntimeException e) {
                log.warn("Article metadata for a SUSHI report cannot be read: {}", e.toString());
            }
        }
        return metas;
    }

    private Optional<YearMonth> lastAvailable() {
        return rows.lastCompleteMonth();
    }

    private Optional<YearMonth> firstAvailable() {
        return rows.coverage().map(c -> YearMonth.from(c[0]));
    }

    @ExceptionHandler(SushiException.class)
    ResponseEntity<Map<String, Object>> sushi(SushiException e) {
        return ResponseEntity.status(e.httpStatus()).contentType(MediaType.APPLICATION_JSON).body(e.toJson());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Map<String, Object>> database(DataAccessException e) {
        log.warn("SUSHI request failed on the database: {}", e.toString());
        return ResponseEntity.status(503).contentType(MediaType.APPLICATION_JSON)
                .body(SushiException.json(1000, "the usage database cannot be reached"));
    }
}
