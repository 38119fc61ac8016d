package org.recto.article.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;
import org.recto.ingest.ReadDocument;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listeners read a version this node has just stored from memory ({@link RecentVersions}), and must get exactly
 * what reading it back from the store's tables gives, which is what other nodes and replays after a crash get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RecentVersionsTests {

    @Autowired
    JatsIngest ingest;
    @Autowired
    StoredArticleReader articles;
    @Autowired
    VersionReader versions;
    @Autowired
    RecentVersions recent;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void empty() {
        ArticleTables.deleteAll(jdbc);
    }

    @Test
    void aVersionFromMemoryIsTheVersionTheStoreReadsBack() throws Exception {
        List<ReadDocument> docs = new ArrayList<>();
        docs.add(read(SharedData.seed("mills-bloomfield-2018.xml")));
        try (Stream<Path> files = Files.list(SharedData.dir().resolve("corpus/jats"))) {
            List<Path> all = files.sorted().toList();
            for (int i = 0; i < all.size(); i += 12) {
                docs.add(read(all.get(i)));
            }
        }
        List<IngestResult> stored = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += 25) {
            stored.addAll(ingest.storeAll(docs.subList(from, Math.min(docs.size(), from + 25))));
        }
        long hitsBefore = recent.reads()[0];
        int compared = 0;
        for (IngestResult r : stored) {
            assertThat(r.ok()).as(r.source()).isTrue();
            assertThat(recent.get(r.doi(), r.version())).as(r.source()).isPresent();
            assertThat(articles.find(r.doi(), r.version())).as(r.source()).isEqualTo(articles.load(r.doi(), r.version()));
            assertThat(articles.find(r.doi())).as(r.source()).isEqualTo(articles.load(r.doi(), r.version()));
            assertThat(versions.citationSource(r.doi(), r.version())).as(r.source())
                    .isEqualTo(versions.load(r.doi(), r.version()));
            compared++;
        }
        assertThat(compared).isGreaterThan(90);
        // get() above, and each find and citationSource, were answered from memory.
        assertThat(recent.reads()[0] - hitsBefore).isGreaterThanOrEqualTo(4L * compared);
    }

    @Test
    void aTransactionThatRollsBackLeavesNothingInMemory() {
        // A DOI of its own: the test above leaves its versions in memory.
        String xml = new String(SharedData.read(SharedData.corpus("elife00003.xml")), java.nio.charset.StandardCharsets.UTF_8)
                .replace("10.7554/eLife.00003<", "10.7554/eLife.rolled-back<");
        ReadDocument doc = ingest.read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "rolled-back.xml", List.of());
        assertThat(doc.article().doi()).isEqualTo("10.7554/eLife.rolled-back");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            ingest.storeAll(List.of(doc, doc)); // its own transaction, joined by this one
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(recent.get(doc.article().doi(), 1)).isEmpty();
        assertThat(articles.find(doc.article().doi())).isEmpty();
    }

    private ReadDocument read(Path file) {
        return ingest.read(SharedData.read(file), file.getFileName().toString(), List.of());
    }
}
