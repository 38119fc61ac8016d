package org.recto.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.usage.internal.UsageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Code of Practice's worked examples (specs.md 1.9) and the counting rules, end to end: recorder -> table ->
 * roll-up -> figures, on a real database. Every test uses its own DOIs, so the tests share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractCountingTest {

    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    static final String GOOGLEBOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

    TestDb db;
    Harness h;

    abstract TestDb newDb();

    @BeforeAll
    void setUp() {
        db = newDb();
        h = new Harness(db.dataSource(), "node-a", null,
                List.of(new UsageProperties.Institution("Example University", "exu", null, List.of("192.0.2.0/24"), "k1")));
    }

    @AfterAll
    void tearDown() {
        h.close();
        db.close();
    }

    static Instant t(String iso) {
        return Instant.parse(iso);
    }

    /** A view by a reader told apart by address and User-Agent only, as every reader is: the site sets no cookie. */
    void view(String at, String doi, UsageAction action, String ip) {
        h.writer.record(new UsageRequest(t(at), doi, action, ip, CHROME, null, false));
    }

    static Map<String, Long> metrics(long tii, long tir, long uii, long uir, long nl) {
        return Map.of("Total_Item_Investigations", tii, "Total_Item_Requests", tir,
                "Unique_Item_Investigations", uii, "Unique_Item_Requests", uir, "No_License", nl);
    }

    @Test
    void exampleA_doubleClickWithin30SecondsCountsOnce() {
        view("2024-06-03T10:01:00Z", "10.9/a-inside", UsageAction.PDF, "198.51.100.11");
        view("2024-06-03T10:01:29Z", "10.9/a-inside", UsageAction.PDF, "198.51.100.11");
        view("2024-06-03T10:01:00Z", "10.9/a-outside", UsageAction.PDF, "198.51.100.12");
        view("2024-06-03T10:01:35Z", "10.9/a-outside", UsageAction.PDF, "198.51.100.12");
        view("2024-06-03T10:00:00Z", "10.9/a-exact", UsageAction.PDF, "198.51.100.13");
        view("2024-06-03T10:00:30Z", "10.9/a-exact", UsageAction.PDF, "198.51.100.13");
        view("2024-06-03T10:00:00Z", "10.9/a-chain", UsageAction.PDF, "198.51.100.14");
        view("2024-06-03T10:00:20Z", "10.9/a-chain", UsageAction.PDF, "198.51.100.14");
        view("2024-06-03T10:00:45Z", "10.9/a-chain", UsageAction.PDF, "198.51.100.14");
        h.rollUp();
        assertThat(h.totals("10.9/a-inside")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/a-outside")).isEqualTo(metrics(2, 2, 1, 1, 0));
        assertThat(h.totals("10.9/a-exact")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/a-chain")).isEqualTo(metrics(1, 1, 1, 1, 0));
    }

    @Test
    void exampleA_auditScript15InsideAnd15OutsidePairsOn30Items() {
        // Each "inside" pair is one action, each "outside" pair two: 45 actions, 30 items, one session.
        for (int i = 0; i < 30; i++) {
            String doi = "10.9/audit-" + i;
            String base = String.format("2024-06-04T%02d:%02d:00Z", 8 + i / 20, (i * 3) % 60);
            Instant first = t(base);
            Instant second = first.plusSeconds(i < 15 ? 29 : 35);
            h.writer.record(new UsageRequest(first, doi, UsageAction.PDF, "198.51.100.8", CHROME, null, false));
            h.writer.record(new UsageRequest(second, doi, UsageAction.PDF, "198.51.100.8", CHROME, null, false));
        }
        h.rollUp();
        long tii = 0, tir = 0, uii = 0, uir = 0;
        for (int i = 0; i < 30; i++) {
            Map<String, Long> m = h.totals("10.9/audit-" + i);
            tii += m.get("Total_Item_Investigations");
            tir += m.get("Total_Item_Requests");
            uii += m.get("Unique_Item_Investigations");
            uir += m.get("Unique_Item_Requests");
        }
        assertThat(new long[] {tii, tir, uii, uir}).containsExactly(45, 45, 30, 30);
    }

    @Test
    void exampleB_susan() {
        // Three article abstracts (two from one journal) and a fourth item, then the two same-journal PDFs.
        String[] items = {"10.9/susan-1", "10.9/susan-2", "10.9/susan-3", "10.9/susan-video"};
        int minute = 0;
        for (String doi : items) {
            view(String.format("2024-06-05T09:%02d:00Z", minute++), doi, UsageAction.ABSTRACT, "198.51.100.15");
        }
        view("2024-06-05T09:10:00Z", "10.9/susan-1", UsageAction.PDF, "198.51.100.15");
        view("2024-06-05T09:11:00Z", "10.9/susan-2", UsageAction.PDF, "198.51.100.15");
        h.rollUp();
        long tii = 0, uii = 0, tir = 0, uir = 0;
        for (String doi : items) {
            Map<String, Long> m = h.totals(doi);
            tii += m.get("Total_Item_Investigations");
            uii += m.get("Unique_Item_Investigations");
            tir += m.get("Total_Item_Requests");
            uir += m.get("Unique_Item_Requests");
            assertThat(m).doesNotContainKeys("Unique_Title_Investigations", "Unique_Title_Requests");
        }
        assertThat(new long[] {tii, uii, tir, uir}).containsExactly(6, 4, 2, 2);
    }

    @Test
    void exampleC_abstractHtmlPdfInOneSession() {
        view("2024-06-06T10:00:00Z", "10.9/c", UsageAction.ABSTRACT, "198.51.100.16");
        view("2024-06-06T10:01:00Z", "10.9/c", UsageAction.FULL_TEXT_HTML, "198.51.100.16");
        view("2024-06-06T10:02:00Z", "10.9/c", UsageAction.PDF, "198.51.100.16");
        h.rollUp();
        assertThat(h.totals("10.9/c")).isEqualTo(metrics(3, 2, 1, 1, 0));
        ArticleUsage u = h.usage("10.9/c");
        assertThat(new long[] {u.abstractViews(), u.htmlViews(), u.pdfViews()}).containsExactly(1, 1, 1);
    }

    @Test
    void exampleD_hourSliceSurrogateSessionWithoutCookie() {
        // The CoP writes the User-Agent as "Mozilla/5.0", but the COUNTER robots list classes that bare string as a
        // robot (^Mozilla.5\.0$), so a full browser User-Agent stands in for it here.
        h.writer.record(new UsageRequest(t("2024-06-15T13:50:00Z"), "10.9/d-two", UsageAction.PDF, "192.1.1.168", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-15T14:05:00Z"), "10.9/d-two", UsageAction.PDF, "192.1.1.168", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-15T13:10:00Z"), "10.9/d-one", UsageAction.PDF, "192.1.1.168", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-15T13:50:00Z"), "10.9/d-one", UsageAction.PDF, "192.1.1.168", CHROME, null, false));
        h.rollUp();
        assertThat(h.totals("10.9/d-two")).isEqualTo(metrics(2, 2, 2, 2, 0));
        assertThat(h.totals("10.9/d-one")).isEqualTo(metrics(2, 2, 1, 1, 0));
    }

    @Test
    void exampleD_theBareMozillaUserAgentOfTheExampleIsARobotByTheList() {
        h.writer.record(new UsageRequest(t("2024-06-15T13:50:00Z"), "10.9/d-bare", UsageAction.PDF, "192.1.1.168", "Mozilla/5.0", null, false));
        h.rollUp();
        assertThat(h.totals("10.9/d-bare").get("Total_Item_Requests")).isZero();
        assertThat(org.recto.usage.internal.EventKeys.surrogateSession("192.1.1.168", "Mozilla/5.0",
                java.time.ZonedDateTime.parse("2024-06-15T13:35:00Z"))).isEqualTo("192.1.1.168|Mozilla/5.0|2024-06-15|13");
    }

    @Test
    void exampleE_deniedWithRedirectToAbstract() {
        h.writer.record(new UsageRequest(t("2024-06-07T11:00:00Z"), "10.9/e", UsageAction.PDF, "198.51.100.9", CHROME, null, true));
        h.rollUp();
        assertThat(h.totals("10.9/e")).isEqualTo(metrics(1, 0, 1, 0, 1));
        assertThat(h.usage("10.9/e").abstractViews()).isEqualTo(1);
        assertThat(h.usage("10.9/e").pdfViews()).isZero();
    }

    @Test
    void exampleF_robotsAndEmptyUserAgentCountNothing() {
        for (String ua : new String[] {GOOGLEBOT, "", null, "python-requests/2.31", "curl/8.5.0"}) {
            h.writer.record(new UsageRequest(t("2024-06-08T12:00:00Z"), "10.9/f", UsageAction.PDF, "198.51.100.10", ua, null, false));
            h.writer.record(new UsageRequest(t("2024-06-08T12:05:00Z"), "10.9/f", UsageAction.ABSTRACT, "198.51.100.10", ua, null, false));
        }
        view("2024-06-08T12:00:00Z", "10.9/f-human", UsageAction.PDF, "198.51.100.17");
        h.rollUp();
        assertThat(h.totals("10.9/f")).isEqualTo(metrics(0, 0, 0, 0, 0));
        assertThat(h.totals("10.9/f-human")).isEqualTo(metrics(1, 1, 1, 1, 0));
        long stored = JdbcClient.create(db.dataSource())
                .sql("SELECT COUNT(*) FROM usage_event WHERE doi = '10.9/f' AND ua_class = 'robot'").query(Long.class).single();
        assertThat(stored).as("robot events are kept, classed, for audit").isEqualTo(10);
    }

    @Test
    void doubleClickAcrossMidnightDropsTheEarlierClick() {
        // Each day has its own secret, so a reader's key changes at midnight: the first 30 s of a day carry the key
        // under the day before's secret too, and the roll-up matches them by it.
        String ip = "198.51.100.18";
        view("2024-06-09T23:59:50Z", "10.9/midnight", UsageAction.PDF, ip);
        view("2024-06-10T00:00:10Z", "10.9/midnight", UsageAction.PDF, ip);
        view("2024-06-09T23:59:30Z", "10.9/midnight-exact", UsageAction.PDF, ip);          // 30 s: one action
        view("2024-06-10T00:00:00Z", "10.9/midnight-exact", UsageAction.PDF, ip);
        view("2024-06-09T23:59:29.999Z", "10.9/midnight-outside", UsageAction.PDF, ip);    // 30.001 s: two
        view("2024-06-10T00:00:00Z", "10.9/midnight-outside", UsageAction.PDF, ip);
        view("2024-06-09T23:59:59.999Z", "10.9/midnight-late", UsageAction.PDF, ip);       // the look-ahead's last ms
        view("2024-06-10T00:00:29.999Z", "10.9/midnight-late", UsageAction.PDF, ip);
        view("2024-06-09T23:59:45Z", "10.9/midnight-chain", UsageAction.PDF, ip);          // a chain over midnight
        view("2024-06-10T00:00:05Z", "10.9/midnight-chain", UsageAction.PDF, ip);
        view("2024-06-10T00:00:29Z", "10.9/midnight-chain", UsageAction.PDF, ip);
        view("2024-06-09T23:59:55Z", "10.9/midnight-two", UsageAction.PDF, ip);            // two readers
        view("2024-06-10T00:00:05Z", "10.9/midnight-two", UsageAction.PDF, "198.51.100.23");
        h.rollUp();
        assertThat(h.totals("10.9/midnight")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/midnight-exact")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/midnight-outside")).isEqualTo(metrics(2, 2, 2, 2, 0));
        assertThat(h.totals("10.9/midnight-late")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/midnight-chain")).isEqualTo(metrics(1, 1, 1, 1, 0));
        assertThat(h.totals("10.9/midnight-two")).isEqualTo(metrics(2, 2, 2, 2, 0));
        long june9 = JdbcClient.create(db.dataSource())
                .sql("SELECT COUNT(*) FROM usage_daily WHERE doi LIKE '10.9/midnight%' AND doi <> '10.9/midnight-outside' "
                        + "AND doi <> '10.9/midnight-two' AND usage_day = DATE '2024-06-09'")
                .query(Long.class).single();
        assertThat(june9).as("the later click, on the 10th, is the one kept").isZero();
    }

    @Test
    void storedKeysAreKeyedByASecretOfTheDayAndNoTableHoldsAnAddress() {
        String ip = "203.0.113.77";
        h.writer.record(new UsageRequest(t("2024-06-16T09:00:00Z"), "10.9/keyed", UsageAction.PDF, ip, CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-17T09:00:00Z"), "10.9/keyed", UsageAction.PDF, ip, CHROME, null, false));
        h.flush();
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        List<long[]> keys = keysOf(jdbc, "10.9/keyed");
        assertThat(keys.get(0)[0]).as("user key, day 1 vs day 2").isNotEqualTo(keys.get(1)[0]);
        assertThat(keys.get(0)[1]).as("session key, day 1 vs day 2").isNotEqualTo(keys.get(1)[1]);
        List<byte[]> secrets = jdbc.sql("SELECT secret FROM usage_day_key WHERE key_day IN (DATE '2024-06-16', DATE '2024-06-17')")
                .query((rs, i) -> rs.getBytes(1)).list();
        assertThat(secrets).hasSize(2).allSatisfy(k -> assertThat(k).hasSize(32));
        assertThat(secrets.get(0)).isNotEqualTo(secrets.get(1));

        // Another node reads the same secret and computes the same keys...
        try (Harness other = new Harness(db.dataSource(), "node-k", null, List.of())) {
            other.writer.record(new UsageRequest(t("2024-06-16T09:10:00Z"), "10.9/keyed-2", UsageAction.PDF, ip, CHROME, null, false));
            other.flush();
            assertThat(keysOf(jdbc, "10.9/keyed-2").get(0)[0]).isEqualTo(keys.get(0)[0]);
        }
        // ...and once the secret is gone, the same address and User-Agent no longer give that key: it cannot be
        // recomputed from a guessed address.
        jdbc.sql("DELETE FROM usage_day_key WHERE key_day = DATE '2024-06-16'").update();
        try (Harness other = new Harness(db.dataSource(), "node-k", null, List.of())) {
            other.writer.record(new UsageRequest(t("2024-06-16T09:20:00Z"), "10.9/keyed-3", UsageAction.PDF, ip, CHROME, null, false));
            other.flush();
            assertThat(keysOf(jdbc, "10.9/keyed-3").get(0)[0]).isNotEqualTo(keys.get(0)[0]);
        }

        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'")
                .query(String.class).list()) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    String v = rs.getString(c);
                    assertThat(v).as(table + "." + rs.getMetaData().getColumnName(c)).satisfiesAnyOf(
                            x -> assertThat(x).isNull(),
                            x -> assertThat(x).doesNotContain(ip).doesNotContain(CHROME).doesNotContain("198.51.100."));
                }
            });
        }
    }

    private static List<long[]> keysOf(JdbcClient jdbc, String doi) {
        return jdbc.sql("SELECT user_key, session_key FROM usage_event WHERE doi = :doi ORDER BY at_ms").param("doi", doi)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    @Test
    void anAuthenticatedSessionIdIsTheUserAndWithTheDateTheSession() {
        // The site has no log-in today and passes none; the CoP's most reliable identity if it ever has one.
        String ip = "198.51.100.25";
        h.writer.record(new UsageRequest(t("2024-06-18T10:00:00Z"), "10.9/auth", UsageAction.PDF, ip, CHROME, "alice", false));
        h.writer.record(new UsageRequest(t("2024-06-18T10:00:10Z"), "10.9/auth", UsageAction.PDF, ip, CHROME, "bob", false));
        h.writer.record(new UsageRequest(t("2024-06-18T11:30:00Z"), "10.9/auth", UsageAction.PDF, ip, CHROME, "alice", false));
        h.rollUp();
        assertThat(h.totals("10.9/auth")).isEqualTo(metrics(3, 3, 2, 2, 0));
    }

    @Test
    void differentFormatsAreNotDoubleClicks() {
        view("2024-06-11T10:00:00Z", "10.9/formats", UsageAction.FULL_TEXT_HTML, "198.51.100.19");
        view("2024-06-11T10:00:05Z", "10.9/formats", UsageAction.PDF, "198.51.100.19");
        view("2024-06-11T10:00:06Z", "10.9/formats", UsageAction.EPUB, "198.51.100.19");
        h.rollUp();
        assertThat(h.totals("10.9/formats")).isEqualTo(metrics(3, 3, 1, 1, 0));
        assertThat(h.usage("10.9/formats").epubViews()).isEqualTo(1);
    }

    @Test
    void nThreadsViewingMArticlesGiveExactCounts() throws Exception {
        int threads = 8, articles = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int me = th;
            done.add(pool.submit(() -> {
                for (int a = 0; a < articles; a++) {
                    String doi = "10.9/load-" + a;
                    Instant base = t("2024-06-12T08:00:00Z").plusSeconds(a * 600L + me);
                    String ip = "198.51.100." + (30 + me); // one reader per thread
                    record(base, doi, UsageAction.ABSTRACT, ip, CHROME);
                    record(base.plusSeconds(60), doi, UsageAction.FULL_TEXT_HTML, ip, CHROME);
                    record(base.plusSeconds(120), doi, UsageAction.PDF, ip, CHROME);
                    record(base.plusSeconds(125), doi, UsageAction.PDF, ip, CHROME); // double-click
                    record(base.plusSeconds(130), doi, UsageAction.PDF, ip, GOOGLEBOT); // robot
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        h.rollUp();
        for (int a = 0; a < articles; a++) {
            ArticleUsage u = h.usage("10.9/load-" + a);
            assertThat(u.metricTotals()).as("article %d", a).isEqualTo(metrics(3L * threads, 2L * threads, threads, threads, 0));
            assertThat(new long[] {u.abstractViews(), u.htmlViews(), u.pdfViews()}).containsExactly(threads, threads, threads);
        }
        assertThat(h.writer.dropped()).isZero();
    }

    private void record(Instant at, String doi, UsageAction action, String ip, String ua) {
        h.writer.record(new UsageRequest(at, doi, action, ip, ua, null, false));
    }

    @Test
    void institutionIsMatchedByIpRange() {
        h.writer.record(new UsageRequest(t("2024-06-13T10:00:00Z"), "10.9/inst", UsageAction.PDF, "192.0.2.55", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-13T10:00:00Z"), "10.9/inst", UsageAction.PDF, "203.0.113.5", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-13T10:00:00Z"), "10.9/inst", UsageAction.PDF, "not-an-ip.example", CHROME, null, false));
        h.rollUp();
        List<String> institutions = JdbcClient.create(db.dataSource())
                .sql("SELECT institution FROM usage_daily WHERE doi = '10.9/inst' ORDER BY institution")
                .query(String.class).list();
        assertThat(institutions).containsExactly("", "exu");
        assertThat(h.totals("10.9/inst").get("Total_Item_Requests")).isEqualTo(3);
    }

    @Test
    void rollingUpTwiceGivesTheSameFiguresAndRecountsChangedDays() {
        view("2024-07-01T10:00:00Z", "10.9/idem", UsageAction.PDF, "198.51.100.21");
        h.rollUp();
        Map<String, Long> first = h.totals("10.9/idem");
        h.rollUp();
        assertThat(h.totals("10.9/idem")).isEqualTo(first).isEqualTo(metrics(1, 1, 1, 1, 0));
        view("2024-07-01T11:00:00Z", "10.9/idem", UsageAction.PDF, "198.51.100.21"); // the same reader, a new hour: a new session
        h.rollUp();
        assertThat(h.totals("10.9/idem")).isEqualTo(metrics(2, 2, 2, 2, 0));
    }

    @Test
    void aCrashDuringTheRollUpThenARerunGivesTheSameFigures() {
        String[] days = {"2024-08-01", "2024-08-02", "2024-08-03"};
        for (String d : days) {
            for (int i = 0; i < 5; i++) {
                view(d + "T10:0" + i + ":00Z", "10.9/crash", UsageAction.FULL_TEXT_HTML, "198.51.100." + (40 + i));
                view(d + "T10:0" + i + ":10Z", "10.9/crash", UsageAction.FULL_TEXT_HTML, "198.51.100." + (40 + i)); // double-click
            }
        }
        h.flush();
        h.rollup.setHook(day -> {
            if (day.equals(LocalDate.parse("2024-08-02"))) {
                throw new IllegalStateException("simulated crash");
            }
        });
        try {
            assertThatThrownBy(() -> h.rollup.run(s -> { })).hasMessageContaining("simulated crash");
        } finally {
            h.rollup.setHook(null);
        }
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        long aug2 = jdbc.sql("SELECT COUNT(*) FROM usage_daily WHERE doi = '10.9/crash' AND usage_day = DATE '2024-08-02'")
                .query(Long.class).single();
        assertThat(aug2).as("the crashed day's transaction is rolled back").isZero();
        h.rollUp();
        assertThat(h.totals("10.9/crash")).isEqualTo(metrics(15, 15, 15, 15, 0));
        String before = dump(jdbc);
        jdbc.sql("DELETE FROM usage_rollup_day").update(); // force a full recount from scratch
        h.rollUp();
        assertThat(dump(jdbc)).isEqualTo(before);
    }

    static String dump(JdbcClient jdbc) {
        return String.join("\n", jdbc.sql("""
                SELECT usage_day, doi, platform, institution, access_type, total_item_investigations, total_item_requests,
                       unique_item_investigations, unique_item_requests, no_license, abstract_views, html_views,
                       pdf_views, epub_views FROM usage_daily ORDER BY usage_day, doi, institution, access_type""")
                .query((rs, i) -> {
                    StringBuilder s = new StringBuilder();
                    for (int c = 1; c <= 14; c++) {
                        s.append(rs.getString(c)).append('|');
                    }
                    return s.toString();
                }).list());
    }

    @Test
    void figuresCoverTheRolledDaysAndEveryMonthInBetween() {
        view("2024-09-20T10:00:00Z", "10.9/months", UsageAction.ABSTRACT, "198.51.100.22");
        h.rollUp();
        ArticleUsage u = h.usage("10.9/months");
        assertThat(u.capturedTo()).isEqualTo(LocalDate.parse("2025-02-28"));
        assertThat(u.capturedFrom()).isBeforeOrEqualTo(LocalDate.parse("2024-09-20"));
        assertThat(u.months()).extracting(m -> m.month().toString()).contains("2024-09", "2024-10", "2025-02");
        assertThat(u.months().stream().filter(m -> m.month().toString().equals("2024-09")).findFirst().orElseThrow()
                .abstractViews()).isEqualTo(1);
    }

    @Test
    void hostileInputIsRefusedOrNeutralised() {
        h.writer.record(null);
        h.writer.record(new UsageRequest(t("2024-06-14T10:00:00Z"), "10.9/" + "x".repeat(400), UsageAction.PDF, "1.2.3.4", CHROME, null, false));
        h.writer.record(new UsageRequest(t("2024-06-14T10:00:00Z"), "10.9/'; DROP TABLE usage_event; --", UsageAction.PDF,
                "<script>", "Mozilla/5.0 '\"<>", "x'y", false));
        h.rollUp();
        assertThat(h.totals("10.9/'; drop table usage_event; --").get("Total_Item_Requests")).isEqualTo(1);
        assertThat(h.writer.discarded()).isEqualTo(1);
        assertThat(h.figures.forArticle("10.9/" + "x".repeat(400))).isEmpty();
    }
}
