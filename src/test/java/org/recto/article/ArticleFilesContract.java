package org.recto.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recto.article.ArticleStore.Outcome;
import org.recto.jats.JatsReader;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The files of a package, stored with their version on whichever database the subclass points the store at. */
abstract class ArticleFilesContract {

    static final Path PACKAGE = SharedData.dir().resolve("corpus/packages/elife-1234567890-v1");
    static final String DOI = "10.7554/eLife.1234567890";

    @Autowired
    ArticleStore store;
    @Autowired
    ArticleFiles files;
    @Autowired
    JatsReader reader;
    @Autowired
    JdbcClient jdbc;

    byte[] xml;
    Article article;

    @BeforeEach
    void emptyTheStore() throws Exception {
        ArticleTables.deleteAll(jdbc);
        xml = SharedData.read(PACKAGE.resolve("elife-1234567890-v1.xml"));
        article = reader.read(xml, "package");
    }

    static ArticleFile file(String name, String mediaType) {
        return new ArticleFile(name, mediaType, SharedData.read(PACKAGE.resolve(name)));
    }

    @Test
    void filesAreStoredWithTheVersionAndATiffGetsAWebSizedPng() throws Exception {
        List<ArticleFile> given = List.of(file("elife-1234567890-fig1.tif", "image/tiff"),
                file("elife-1234567890-supp1.csv", "text/csv"));
        ArticleStore.SaveResult saved = store.save(article, xml, "package", given);
        String doi = saved.doi();

        assertThat(files.names(doi, 1)).containsExactly("elife-1234567890-fig1.tif", "elife-1234567890-supp1.csv");
        ArticleFile csv = files.find(doi, 1, "elife-1234567890-supp1.csv").orElseThrow();
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.bytes()).isEqualTo(given.get(1).bytes());
        assertThat(files.find(doi, 1, "elife-1234567890-fig3.tif")).isEmpty();
        assertThat(files.webRendition(doi, 1, "elife-1234567890-supp1.csv")).isEmpty();

        assertThat(files.hasWebRendition(doi, 1, "elife-1234567890-fig1.tif")).isTrue();
        ArticleFile web = files.webRendition(doi, 1, "elife-1234567890-fig1.tif").orElseThrow();
        assertThat(web.mediaType()).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(web.bytes()));
        BufferedImage tiff = ImageIO.read(new ByteArrayInputStream(given.get(0).bytes()));
        assertThat(png.getWidth()).isEqualTo(Math.min(tiff.getWidth(), ArticleFiles.WEB_WIDTH)).isPositive();
        assertThat(web.bytes()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theSameXmlWithTheSameFilesStoresNothingNewAndOtherFilesMakeANewVersion() {
        List<ArticleFile> given = List.of(file("elife-1234567890-supp1.csv", "text/csv"));
        String doi = store.save(article, xml, "package", given).doi();

        assertThat(store.save(article, xml, "again", given).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(jdbc.sql("select count(*) from article_file").query(Integer.class).single()).isEqualTo(1);

        List<ArticleFile> more = List.of(given.get(0), file("elife-1234567890-data1.xlsx", "application/vnd.ms-excel"));
        ArticleStore.SaveResult second = store.save(article, xml, "with data", more);
        assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.version()).isEqualTo(2);
        assertThat(files.names(doi, 1)).containsExactly("elife-1234567890-supp1.csv");
        assertThat(files.names(doi, 2)).containsExactly("elife-1234567890-data1.xlsx", "elife-1234567890-supp1.csv");
    }

    @Test
    void aFileTheDatabaseRefusesLeavesNoVersionAndNoFiles() {
        List<ArticleFile> bad = List.of(file("elife-1234567890-supp1.csv", "text/csv"),
                new ArticleFile("x".repeat(1001) + ".csv", "text/csv", new byte[] {1}));

        assertThatThrownBy(() -> store.save(article, xml, "package", bad)).isInstanceOf(RuntimeException.class);

        for (String table : List.of("article", "article_version", "article_file")) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Integer.class).single()).as(table).isZero();
        }
    }
}
