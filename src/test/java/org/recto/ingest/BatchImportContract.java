package org.recto.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recto.article.Article;
import org.recto.article.ArticleStore;
import org.recto.article.ArticleTables;
import org.recto.support.SharedData;
import org.recto.support.SmallArticle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batched write path keeps the import's promise: a document that fails stores nothing and costs only itself,
 * also when it fails in the middle of a batch, and what the batch stores is what one-by-one storing stores
 * (row for row, {@link StoredDigest}). Run on H2 and on PostgreSQL.
 */
abstract class BatchImportContract {

    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        ArticleTables.deleteAll(jdbc);
    }

    /** The first n corpus files, sorted. */
    static List<Path> corpus(int n, int every) throws Exception {
        try (Stream<Path> files = Files.list(SharedData.dir().resolve("corpus/jats"))) {
            List<Path> all = files.sorted().toList();
            List<Path> picked = new ArrayList<>();
            for (int i = 0; i < all.size() && picked.size() < n; i += every) {
                picked.add(all.get(i));
            }
            return picked;
        }
    }

    private List<ReadDocument> read(List<Path> files) throws Exception {
        List<ReadDocument> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(ingest.read(Files.readAllBytes(f), f.getFileName().toString(), List.of()));
        }
        return docs;
    }

    /**
     * A publisher's system posting corrections in parallel, and a back catalogue imported by several writers: each
     * post is stored, as its own version, and the first articles of a journal new to the store are stored together
     * with it, whichever commits first.
     */
    @Test
    void versionsPostedAtOnceAndANewJournalsFirstArticlesAtOnceAreAllStored() throws Exception {
        List<Path> files = corpus(6, 13);
        String first = Files.readString(files.get(0));
        ExecutorService posters = Executors.newFixedThreadPool(6);
        try {
            List<Future<IngestResult>> posted = new ArrayList<>();
            for (int v = 1; v <= 6; v++) {
                byte[] version = first.replaceFirst("<article-title>", "<article-title>Version " + v + ": ")
                        .getBytes(StandardCharsets.UTF_8);
                String name = "version-" + v + ".xml";
                posted.add(posters.submit(() -> ingest.ingest(version, name)));
            }
            for (Path f : files.subList(1, files.size())) {
                posted.add(posters.submit(() -> ingest.ingest(Files.readAllBytes(f), f.getFileName().toString())));
            }
            for (Future<IngestResult> result : posted) {
                assertThat(result.get().ok()).as(result.get().toString()).isTrue();
            }
        } finally {
            posters.shutdown();
        }
        String doi = ingest.read(first.getBytes(StandardCharsets.UTF_8), "first.xml", List.of()).article().doi();
        assertThat(jdbc.sql("select v.version from article_version v join article a on a.id = v.article_id "
                        + "where a.doi_key = lower(?) order by v.version").param(doi).query(Integer.class).list())
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(jdbc.sql("select count(*) from article").query(Integer.class).single()).isEqualTo(files.size());
    }

    @Test
    void aMalformedThirdFileOfTenIsReportedWithLineAndColumnAndTheOtherNineAreStoredWhole() throws Exception {
        List<Path> files = corpus(10, 7);
        List<ReadDocument> docs = read(files);
        byte[] broken = ("<?xml version=\"1.0\"?>\n<article>\n  <front><article-meta>\n    <title-group></front>\n</article>")
                .getBytes(StandardCharsets.UTF_8);
        docs.set(2, ingest.read(broken, "third.xml", List.of()));

        List<IngestResult> results = ingest.storeAll(docs);

        assertThat(results.get(2).ok()).isFalse();
        assertThat(results.get(2).problems()).first().satisfies(p -> {
            assertThat(p.toString()).startsWith("third.xml:4:");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isPositive();
        });
        assertNineStoredWhole(docs, results);
    }

    @Test
    void anArticleTheDatabaseRefusesInTheMiddleOfABatchIsReportedAndTheOtherNineAreStoredWhole() throws Exception {
        List<ReadDocument> docs = read(corpus(10, 11));
        // A section id longer than its column (200): nothing checks it before the database does, so the batch's
        // transaction fails at its third article's rows and is stored again article by article.
        String refused = new SmallArticle().doi("10.5555/recto.refused.3")
                .body("<sec id=\"s" + "x".repeat(300) + "\"><title>Too long an id</title><p>Text.</p></sec>").xml();
        docs.set(2, ingest.read(refused.getBytes(StandardCharsets.UTF_8), "refused.xml", List.of()));
        assertThat(docs.get(2).failure()).as("read without a problem").isNull();

        List<IngestResult> results = ingest.storeAll(docs);

        assertThat(results.get(2).ok()).isFalse();
        assertThat(results.get(2).problems()).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("refused.xml").contains("10.5555/recto.refused.3");
        });
        assertThat(jdbc.sql("select count(*) from article where doi = '10.5555/recto.refused.3'").query(Integer.class)
                .single()).isZero();
        assertNineStoredWhole(docs, results);
    }

    @Test
    void aBatchStoresExactlyWhatStoringOneByOneStores() throws Exception {
        List<Path> files = corpus(sampleSize(), sampleStep());
        for (Path f : files) {
            assertThat(ingest.ingest(Files.readAllBytes(f), f.getFileName().toString()).ok()).isTrue();
        }
        String oneByOne = StoredDigest.of(jdbc);

        ArticleTables.deleteAll(jdbc);
        List<ReadDocument> docs = read(files);
        for (int from = 0; from < docs.size(); from += 50) {
            List<IngestResult> results = ingest.storeAll(docs.subList(from, Math.min(docs.size(), from + 50)));
            assertThat(results).allSatisfy(r -> assertThat(r.ok()).as(r.problems().toString()).isTrue());
        }
        String batched = StoredDigest.of(jdbc);

        assertThat(StoredDigest.count(jdbc, "article")).isEqualTo(files.size());
        assertThat(batched).isEqualTo(oneByOne);
    }

    /** How many corpus files the digest comparison imports (twice), and every how many it picks one. */
    abstract int sampleSize();

    abstract int sampleStep();

    private void assertNineStoredWhole(List<ReadDocument> docs, List<IngestResult> results) {
        for (int i = 0; i < docs.size(); i++) {
            if (i == 2) {
                continue;
            }
            assertThat(results.get(i).ok()).as(docs.get(i).source() + ": " + results.get(i).problems()).isTrue();
            assertThat(results.get(i).outcome()).isEqualTo(ArticleStore.Outcome.NEW);
            Article a = docs.get(i).article();
            String doi = a.doi();
            assertThat(rows(doi, "article_reference")).as("references of " + doi).isEqualTo(a.back().references().size());
            assertThat(rows(doi, "article_contributor")).as("contributors of " + doi).isEqualTo(a.contributors().size());
            assertThat(rows(doi, "article_section")).as("sections of " + doi).isEqualTo(a.body().sections().size());
            assertThat(rows(doi, "article_abstract")).as("abstracts of " + doi).isEqualTo(a.abstracts().size());
            assertThat(rows(doi, "article_identifier")).as("ids of " + doi).isEqualTo(a.ids().size());
        }
        assertThat(StoredDigest.count(jdbc, "article")).isEqualTo(9);
    }

    private int rows(String doi, String table) {
        return jdbc.sql("select count(*) from " + table + " t join article_version v on v.id = t.version_id"
                + " join article a on a.id = v.article_id where a.doi = ?").param(doi).query(Integer.class).single();
    }
}
