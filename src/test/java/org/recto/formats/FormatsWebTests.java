package org.recto.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.ingest.JatsIngest;
import org.recto.support.DerivedData;
import org.recto.support.MovableClock;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.undercouch.citeproc.ris.RISConverter;

/**
 * The formats over real HTTP: the PDF (PDF/UA-1 by veraPDF, and its text in reading order by PDFBox), the
 * EPUB (EPUBCheck), downloads with ETag, 304 and ranges, one rendering for many first requests, the Cite
 * routes and their errors, the landing page's panels and meta data, and downloads counted after the roll-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsWebTests {

    static final String SEED = "10.1017/S0260210517000407";
    static final String ELIFE = "10.7554/eLife.00003";
    static final String PACKAGE = "10.7554/eLife.1234567890";
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
    static final MovableClock NOW = new MovableClock(Instant.parse("2025-03-10T09:00:00Z"));

    @TestConfiguration
    static class Setup {
        @Bean
        Clock clock() {
            return NOW;
        }

        @Bean
        PreparedFiles preparedFiles() {
            return new PreparedFiles();
        }
    }

    /** Every file made, as the module announces it. */
    static class PreparedFiles {
        final List<FormatsPrepared> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(FormatsPrepared prepared) {
            events.add(prepared);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("recto.usage.robots-file", () -> SharedData.robotsList().toString());
        registry.add("recto.usage.rollup-cron", () -> "-");
    }

    @LocalServerPort
    int port;
    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DerivedWork derived;
    @Autowired
    PreparedFiles prepared;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void importArticles() {
        ArticleTables.deleteAll(jdbc);
        for (var file : List.of(SharedData.seed("mills-bloomfield-2018.xml"), SharedData.seed("mills-bloomfield-2018-correction.xml"),
                SharedData.corpus("elife00003.xml"))) {
            assertThat(ingest.ingest(SharedData.read(file), file.getFileName().toString()).problems()).isEmpty();
        }
        assertThat(PackageFolder.ingest(ingest, SharedData.dir().resolve("corpus/packages/elife-1234567890-v1")).ok()).isTrue();
        DerivedData.await(derived);
    }

    @Test
    void theSeedPdfIsPdfUaWithItsTextInReadingOrderAndServedAsADownload() throws Exception {
        HttpResponse<byte[]> pdf = get("/doi/" + SEED + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"10.1017_S0260210517000407.pdf\"");
        assertThat(Validators.pdfUaProblems(pdf.body())).isEmpty();
        String text = Validators.pdfText(pdf.body()).replaceAll("\\s+", " ");
        int title = text.indexOf("African resistance to the International Criminal Court");
        int authors = text.indexOf("Kurt Mills, Alan Bloomfield");
        int correction = text.indexOf("A correction has been issued for this article");
        int abstractText = text.indexOf("The creation of the International Criminal Court (ICC) in 1998");
        int lastNote = text.indexOf("140 Ibid., pp. 8–9.");
        int noteBefore = text.indexOf("139 ");
        assertThat(List.of(title, authors, correction, abstractText)).allMatch(i -> i >= 0);
        assertThat(title).isLessThan(authors);
        assertThat(authors).isLessThan(abstractText);
        assertThat(noteBefore).isGreaterThan(abstractText);
        assertThat(lastNote).as("the last note, after the one before it").isGreaterThan(noteBefore);
        assertThat(text).contains("Review of International Studies").contains("https://doi.org/" + SEED);

        String etag = pdf.headers().firstValue("ETag").orElseThrow();
        assertThat(send(request("/doi/" + SEED + "/pdf").header("If-None-Match", etag)).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> part = send(request("/doi/" + SEED + "/pdf").header("Range", "bytes=100-199"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + pdf.body().length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pdf.body(), 100, 200));
        assertThat(send(request("/doi/" + SEED + "/pdf").header("Range", "bytes=99999999-")).statusCode()).isEqualTo(416);
        HttpResponse<byte[]> head = send(request("/doi/" + SEED + "/pdf").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(pdf.body().length));
    }

    @Test
    void thePackageFiguresAreDrawnInThePdfAndCarriedInTheEpub() throws Exception {
        HttpResponse<byte[]> pdf = get("/doi/" + PACKAGE + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        // The package holds 12 drawable images the XML shows (TIFFs by their web rendition, a JPEG, a PNG).
        assertThat(PdfImages.count(pdf.body())).isGreaterThanOrEqualTo(10);
        assertThat(PdfImages.figuresWithoutAlt(pdf.body())).isZero();
        assertThat(PdfImages.figures(pdf.body())).isGreaterThanOrEqualTo(10);
        assertThat(Validators.pdfUaProblems(pdf.body())).isEmpty();
        assertThat(Validators.pdfText(pdf.body())).contains("The image of this figure is not available.");

        HttpResponse<byte[]> epub = get("/doi/" + PACKAGE + "/epub");
        assertThat(epub.statusCode()).isEqualTo(200);
        assertThat(Validators.epubProblems(epub.body())).isEmpty();
        var book = EpubContents.of(epub.body());
        assertThat(book.images()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(book.images()).allSatisfy(name -> assertThat(book.manifest()).contains("href=\"" + name.substring("EPUB/".length()) + "\""));
        assertThat(book.article()).doesNotContain("src=\"http").doesNotContain("elife-1234567890-fig1.tif\"");
    }

    @Test
    void manyFirstRequestsForOnePdfRenderItOnce() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(readers.submit(() -> get("/doi/" + ELIFE + "/pdf")));
            }
            byte[] first = null;
            for (var answer : answers) {
                HttpResponse<byte[]> r = answer.get();
                assertThat(r.statusCode()).isEqualTo(200);
                first = first == null ? r.body() : first;
                assertThat(r.body()).isEqualTo(first);
            }
            assertThat(prepared.events.stream().filter(e -> e.doi().equals(ELIFE) && e.kind() == FormatKind.PDF).count()).isEqualTo(1);
            assertThat(Validators.pdfUaProblems(first)).isEmpty();
            assertThat(Validators.pdfText(first)).contains("A novel role for lipid droplets in the organismal antibacterial response");
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void theEpubPassesEpubCheckAndABrokenOneDoesNot() throws Exception {
        for (String doi : List.of(SEED, ELIFE)) {
            HttpResponse<byte[]> epub = get("/doi/" + doi + "/epub");
            assertThat(epub.statusCode()).isEqualTo(200);
            assertThat(epub.headers().firstValue("Content-Type")).hasValue("application/epub+zip");
            assertThat(Validators.epubProblems(epub.body())).as(doi).isEmpty();
        }
        // The checker is really looking: the same book with its first byte changed is refused.
        byte[] broken = get("/doi/" + SEED + "/epub").body().clone();
        broken[30] = 'X';
        assertThat(Validators.epubProblems(broken)).isNotEmpty();
    }

    @Test
    void citationExportsHaveTheirMediaTypesFileNamesAndParseBack() throws Exception {
        record Expected(String format, String type, String file) {
        }
        for (Expected e : List.of(new Expected("ris", "application/x-research-info-systems", "ris"),
                new Expected("bibtex", "application/x-bibtex", "bib"), new Expected("enw", "application/x-endnote-refer", "enw"),
                new Expected("csl-json", "application/vnd.citationstyles.csl+json", "json"))) {
            HttpResponse<byte[]> r = get("/doi/" + SEED + "/cite?format=" + e.format());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(e.type() + ";charset=UTF-8");
            assertThat(r.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"10.1017_S0260210517000407." + e.file() + "\"");
        }
        byte[] ris = get("/doi/" + SEED + "/cite?format=ris").body();
        var item = new RISConverter().toItemData(new RISConverter().loadLibrary(new ByteArrayInputStream(ris))).values().iterator().next();
        assertThat(item.getTitle()).startsWith("African resistance");
        assertThat(item.getAuthor()[1].getFamily()).isEqualTo("Bloomfield");

        String apa = text(get("/doi/" + SEED + "/cite?style=apa&format=text"));
        assertThat(apa).startsWith("Mills, K., & Bloomfield, A. (2017).");
        String page = text(get("/doi/" + SEED + "/cite?style=nature"));
        assertThat(page).contains("In the style nature").contains("Cite this article");
    }

    @Test
    void anUnknownStyleOrFormatIsA400ThatNamesValidOnes() throws Exception {
        HttpResponse<byte[]> style = get("/doi/" + SEED + "/cite?style=chicago-nonexistent");
        assertThat(style.statusCode()).isEqualTo(400);
        assertThat(text(style)).contains("There is no CSL style").contains("chicago-author-date");
        HttpResponse<byte[]> hostile = get("/doi/" + SEED + "/cite?style=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(text(hostile)).doesNotContain("<script>alert(1)").contains("apa");
        HttpResponse<byte[]> format = get("/doi/" + SEED + "/cite?format=docx");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(text(format)).contains("ris, bibtex, enw, csl-json");
        assertThat(get("/doi/10.9999/none/pdf").statusCode()).isEqualTo(404);
        assertThat(get("/doi/" + SEED + "/pdf?version=7").statusCode()).isEqualTo(404);
    }

    @Test
    void theLandingPageOffersTheFormatsAndTheCitePanel() throws Exception {
        get("/doi/" + SEED + "/epub");
        get("/doi/" + SEED + "/pdf");
        // Once both files exist the page is prepared again with their sizes.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(text(get("/doi/" + SEED))).containsPattern("PDF</a>\\s*<span class=\"muted\">\\d+ kB")
                        .containsPattern("EPUB</a>\\s*<span class=\"muted\">\\d+ kB"));
        String html = text(get("/doi/" + SEED));
        assertThat(html).contains(">Download PDF</a>").contains("Available formats").contains("Cite this article")
                .contains("<dt>APA</dt>").contains("<dt>Vancouver</dt>").contains("<i>Review of International Studies</i>")
                .containsPattern("<meta name=\"citation_pdf_url\" content=\"http://localhost:\\d+/doi/" + java.util.regex.Pattern.quote(SEED) + "/pdf\">")
                .contains("\"encodingFormat\":\"application/pdf\"").contains("\"encodingFormat\":\"application/epub+zip\"")
                .contains("action=\"/doi/" + SEED + "/cite\"").contains("?format=bibtex");
    }

    @Test
    void downloadsAndExportsAreCountedAsCounterRequestsAndInvestigations() throws Exception {
        assertThat(send(request("/doi/" + ELIFE + "/pdf").header("User-Agent", CHROME)).statusCode()).isEqualTo(200);
        assertThat(send(request("/doi/" + ELIFE + "/cite?format=ris").header("User-Agent", CHROME)
                .header("X-Forwarded-For", "1.2.3.4")).statusCode()).isEqualTo(200);
        Thread.sleep(1_500); // the recorder's write window
        assertThat(jdbc.sql("select count(*) from usage_event where action = 'PDF' and doi = ?").param(ELIFE.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from usage_event where action = 'EXPORT'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
        NOW.set(NOW.get().plus(Duration.ofDays(1)));
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/admin/usage/rollup"))
                .header("Authorization", "Bearer test-admin-token").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(200);
        String usage = text(get("/api/v1/articles/" + ELIFE + "/usage"));
        assertThat(usage).containsPattern("\"pdfViews\":\\s*[1-9]");
    }

    @Test
    void aHeadPrefetchOrSubResourceOfThePdfIsNotCounted() throws Exception {
        String doi = SEED.toLowerCase(java.util.Locale.ROOT);
        get("/doi/" + SEED + "/pdf");
        Thread.sleep(1_500); // the recorder's write window, so that earlier downloads are in
        long before = pdfEvents(doi);
        assertThat(send(request("/doi/" + SEED + "/pdf").header("User-Agent", CHROME)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        assertThat(send(request("/doi/" + SEED + "/pdf").header("User-Agent", CHROME).header("Sec-Purpose", "prefetch")).statusCode())
                .isEqualTo(200);
        assertThat(send(request("/doi/" + SEED + "/pdf").header("User-Agent", CHROME).header("Sec-Fetch-Dest", "image")).statusCode())
                .isEqualTo(200);
        Thread.sleep(1_500);
        assertThat(pdfEvents(doi)).isEqualTo(before);
        assertThat(send(request("/doi/" + SEED + "/pdf").header("User-Agent", CHROME).header("Sec-Fetch-Dest", "document")).statusCode())
                .isEqualTo(200);
        Thread.sleep(1_500);
        assertThat(pdfEvents(doi)).isEqualTo(before + 1);
    }

    private long pdfEvents(String doiKey) {
        return jdbc.sql("select count(*) from usage_event where action = 'PDF' and doi = ?").param(doiKey).query(Long.class).single();
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(request(path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
