package org.recto.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.article.ArticleFiles;
import org.recto.article.ArticleStore.Outcome;
import org.recto.article.ArticleTables;
import org.recto.article.DerivedWork;
import org.recto.support.DerivedData;
import org.recto.support.SharedData;
import org.recto.support.WebTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** eLife's package (XML, TIFFs, PDFs, spreadsheets, ten-odd files missing) imported as a folder, a zip and over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PackageImportTests {

    static final Path PACKAGE = SharedData.dir().resolve("corpus/packages/elife-1234567890-v1");
    static final String DOI = "10.7554/eLife.1234567890";
    static final String TOKEN = "test-admin-token";
    /** What the XML names and the package lacks (the corpus README lists ten by other names; these are the XML's). */
    static final List<String> MISSING = List.of("elife-1234567890-fig1-video1.mp4", "elife-1234567890-fig3.tif", "elife-1234567890-video1.mp4",
                    "elife-1234567890-video2.gif", "elife-1234567890-code1.zip", "elife-1234567890-transrepform.pdf",
                    "elife-1234567890-app1-fig1.tif", "elife-1234567890-app1-fig1-figsupp1.tif",
                    "elife-1234567890-app2-video1.mp4", "elife-1234567890-app1-fig1-video1.mp4",
                    "elife-1234567890-sa2-video1.mp4");

    @LocalServerPort
    int port;
    @Autowired
    ImportCommand command;
    @Autowired
    DerivedWork derived;
    @Autowired
    ArticleFiles files;
    @Autowired
    JdbcClient jdbc;

    WebTestSupport web;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        web = new WebTestSupport(port);
        ArticleTables.deleteAll(jdbc);
    }

    @Test
    void aPackageFolderImportsWithItsFilesAndWarnsOfTheMissingOnes(@TempDir Path tmp) throws Exception {
        ImportCommand.Summary summary = importPaths(PACKAGE);

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.counts()).containsEntry(Outcome.NEW, 1);
        assertThat(summary.warnings()).hasSize(MISSING.size());
        for (String name : MISSING) {
            assertThat(summary.warnings()).anySatisfy(w -> assertThat(w).contains(name + ": the XML refers to this file"));
        }
        // Every file but the article's XML (eLife's code1.xml is a supplementary file, not a second article).
        try (Stream<Path> list = Files.list(PACKAGE)) {
            assertThat(files.names(DOI, 1)).hasSize((int) list.count() - 1).contains("elife-1234567890-code1.xml");
        }

        // The same package zipped: the same XML and files, so nothing new.
        ImportCommand.Summary again = importPaths(zip(tmp.resolve("elife.zip")));
        assertThat(again.failures()).isEmpty();
        assertThat(again.counts()).containsEntry(Outcome.UNCHANGED, 1);
        assertThat(jdbc.sql("select count(*) from article_version").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void thePageShowsTheFiguresItHasAndSaysWhichItLacks() throws Exception {
        importPaths(PACKAGE);
        DerivedData.await(derived);
        String page = web.get("/doi/" + DOI + "/full").body();

        assertThat(page).contains("The image of this figure is not available.");
        assertThat(page).doesNotContain("data-file=");
        org.jsoup.nodes.Element img = org.jsoup.Jsoup.parse(page).selectFirst("figure#fig1 img");
        assertThat(img).as("an <img> in figure 1").isNotNull();
        assertThat(img.attr("src")).isEqualTo("/doi/10.7554/eLife.1234567890/files/elife-1234567890-fig1.tif?rendition=web");
        assertThat(img.attr("alt")).startsWith("Figure 1.");
        assertThat(page).contains("href=\"/doi/10.7554/eLife.1234567890/files/elife-1234567890-fig1.tif\"");
        // Figure 3's TIFF is not in the package: words, not a broken image.
        assertThat(org.jsoup.Jsoup.parse(page).select("figure#fig3 img")).isEmpty();
        assertThat(org.jsoup.Jsoup.parse(page).select("figure#fig3 .image-not-available").text())
                .isEqualTo("The image of this figure is not available.");

        HttpResponse<byte[]> png = getBytes(img.attr("src"));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body())).getWidth()).isBetween(1, ArticleFiles.WEB_WIDTH);

        HttpResponse<byte[]> tiff = getBytes("/doi/" + DOI + "/files/elife-1234567890-fig1.tif");
        assertThat(tiff.statusCode()).isEqualTo(200);
        assertThat(tiff.headers().firstValue("Content-Type")).hasValue("image/tiff");
        assertThat(tiff.body()).isEqualTo(Files.readAllBytes(PACKAGE.resolve("elife-1234567890-fig1.tif")));
        String etag = tiff.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> cached = http.send(HttpRequest.newBuilder(URI.create(web.url("/doi/" + DOI + "/files/elife-1234567890-fig1.tif")))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cached.statusCode()).isEqualTo(304);

        HttpResponse<byte[]> xlsx = getBytes("/doi/" + DOI + "/files/elife-1234567890-data1.xlsx");
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        assertThat(getBytes("/doi/" + DOI + "/files/elife-1234567890-fig3.tif").statusCode()).isEqualTo(404);
    }

    @Test
    void theZipOverHttpIsCreatedAndAZipWithAPathOutOfThePackageIsRefused(@TempDir Path tmp) throws Exception {
        byte[] zip = Files.readAllBytes(zip(tmp.resolve("elife.zip")));
        HttpResponse<String> created = web.post("/api/v1/articles", zip, TOKEN, "application/zip");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("elife-1234567890-fig3.tif");
        assertThat(files.names(DOI, 1)).contains("elife-1234567890-fig1.tif");

        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(evil)) {
            entry(z, "article.xml", Files.readAllBytes(PACKAGE.resolve("elife-1234567890-v1.xml")));
            entry(z, "../evil", new byte[] {1, 2, 3});
        }
        HttpResponse<String> refused = web.post("/api/v1/articles", evil.toByteArray(), TOKEN, "application/zip");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("../evil").contains("outside the package");
    }

    @Test
    void aZipBombStopsAtTheLimit() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("zeros.tif"));
            byte[] mb = new byte[1024 * 1024];
            for (int i = 0; i < 60; i++) {
                z.write(mb);
            }
            z.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(1024 * 1024);
        HttpResponse<String> refused = web.post("/api/v1/articles", bomb.toByteArray(), TOKEN, "application/zip");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("larger than the import limit");
    }

    private ImportCommand.Summary importPaths(Path path) throws IOException, InterruptedException {
        return command.importAll(ImportSources.expand(List.of(path), new ArrayList<>()));
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(web.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path zip(Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(out);
                Stream<Path> list = Files.list(PACKAGE)) {
            for (Path f : list.sorted().toList()) {
                entry(z, "elife-1234567890-v1/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return target;
    }

    private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
