package org.recto.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recto.article.ArticleTables;
import org.recto.support.SharedData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole shared corpus (1,156 articles, 130 MB) imports into the embedded store, and what is
 * stored agrees with the corpus manifest: one article per DOI and every reference of every article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CorpusImportTests {

    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCorpusFileImportsAndTheStoreAgreesWithTheManifest() throws IOException {
        ArticleTables.deleteAll(jdbc);
        Path corpus = SharedData.dir().resolve("corpus/jats");
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.sorted().toList()) {
                IngestResult result = ingest.ingest(Files.readAllBytes(file), file.getFileName().toString());
                if (!result.ok()) {
                    failures.add(result.problems().toString());
                }
            }
        }
        assertThat(failures).isEmpty();

        Map<String, Manifest> manifest = Manifest.read(SharedData.dir().resolve("corpus/manifest.tsv"));
        assertThat(jdbc.sql("select count(*) from article").query(Integer.class).single()).isEqualTo(manifest.size());
        Map<String, Integer> storedRefs = jdbc.sql("""
                select a.doi, (select count(*) from article_reference r where r.version_id = v.id) as refs
                from article a join article_version v on v.article_id = a.id and v.version = a.latest_version
                """)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        manifest.values().forEach(m ->
                assertThat(storedRefs.get(m.doi())).as("references of " + m.file()).isEqualTo(m.refs()));
    }

    record Manifest(String file, String doi, int refs) {
        static Map<String, Manifest> read(Path tsv) throws IOException {
            return Files.readAllLines(tsv).stream().skip(1).map(line -> line.split("\t"))
                    .map(c -> new Manifest(c[0], c[2], Integer.parseInt(c[6])))
                    .collect(Collectors.toMap(Manifest::doi, m -> m));
        }
    }
}
