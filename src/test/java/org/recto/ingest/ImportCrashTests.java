package org.recto.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.support.SharedData;

/**
 * An import killed (kill -9) in the middle and run again ends with exactly the right articles, each with all its
 * rows, and the derived data of all of them: what the killed run committed stays, a batch it was writing leaves
 * nothing, and the event publication registry hands the second run the deliveries the first left unfinished.
 * The import runs as a JVM of its own ({@code recto.jar import}, here from the test classpath) on an H2 file.
 */
class ImportCrashTests {

    private static final int FILES = 120;

    @Test
    void anImportKilledInTheMiddleAndRunAgainEndsWithEveryArticleWhole(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        List<Path> files = BatchImportContract.corpus(FILES, 9);
        for (Path f : files) {
            Files.createSymbolicLink(corpus.resolve(f.getFileName()), f);
        }
        Path data = dir.resolve("data");

        Process first = start(corpus, data);
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                // The progress bar prints a line every 10 %: kill it once some files, not all, are stored.
                Matcher stored = Pattern.compile("\\[#+ *\\] stored (\\d+)/" + FILES + " .*")
                        .matcher(line);
                if (stored.matches() && Integer.parseInt(stored.group(1)) > 0 && Integer.parseInt(stored.group(1)) < FILES) {
                    first.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        first.waitFor(60, TimeUnit.SECONDS);
        assertThat(killed).as("the first run was killed while importing").isTrue();
        int afterCrash = count(data, "select count(*) from article");
        assertThat(afterCrash).as("stored before the kill").isBetween(0, FILES - 1);

        Process second = start(corpus, data);
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("Imported: " + (FILES - afterCrash) + " new, 0 updated, " + afterCrash
                + " unchanged, 0 failed");

        Map<String, Integer> manifestRefs = manifestReferences();
        try (Connection c = connect(data)) {
            Map<String, Integer> storedRefs = rows(c, """
                    select a.doi, (select count(*) from article_reference r where r.version_id = v.id)
                    from article a join article_version v on v.article_id = a.id""");
            assertThat(storedRefs).hasSize(FILES);
            storedRefs.forEach((doi, refs) -> assertThat(refs).as("references of " + doi).isEqualTo(manifestRefs.get(doi)));
            assertThat(rows(c, """
                    select a.doi, (select count(*) from article_contributor r where r.version_id = v.id)
                    from article a join article_version v on v.article_id = a.id""").values())
                    .as("contributors of every article").allSatisfy(n -> assertThat(n).isPositive());
            assertThat(single(c, "select count(*) from article_version where version <> 1")).isZero();
            // Derived data caught up: every version's references parsed, no delivery left in the registry.
            assertThat(single(c, "select count(*) from citation_parse")).isEqualTo(FILES);
            assertThat(single(c, "select count(*) from event_publication where completion_date is null")).isZero();
        }
    }

    private static Process start(Path corpus, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.recto.RectoApplication", "import", corpus.toString());
        pb.environment().put("RECTO_DATA_DIR", data.toString());
        pb.environment().put("RECTO_DEMO", "false");
        pb.environment().put("RECTO_FORMATS_PREPARE", "false");
        pb.environment().put("RECTO_INGEST_BATCH_SIZE", "10");
        pb.environment().put("RECTO_PORT", "0");
        pb.redirectErrorStream(true);
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }

    private static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/recto")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    private static int count(Path data, String sql) throws SQLException {
        if (!Files.exists(data.resolve("db/recto.mv.db"))) {
            return 0;
        }
        try (Connection c = connect(data)) {
            return single(c, sql);
        }
    }

    private static int single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Map<String, Integer> rows(Connection c, String sql) throws SQLException {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(Map.entry(rs.getString(1), rs.getInt(2)));
            }
        }
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Integer> manifestReferences() throws Exception {
        return Files.readAllLines(SharedData.dir().resolve("corpus/manifest.tsv")).stream().skip(1)
                .map(line -> line.split("\t"))
                .collect(Collectors.toMap(c -> c[2], c -> Integer.parseInt(c[6]), (a, b) -> a));
    }
}
