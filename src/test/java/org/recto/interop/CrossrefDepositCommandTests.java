package org.recto.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.article.ArticleTables;
import org.recto.ingest.JatsIngest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code recto.jar crossref-deposit [--journal KEY] [--since DATE] [--out FILE]}: a file of one schema-valid deposit. */
@SpringBootTest(properties = "recto.interop.crossmark-policy=10.5555/crossmark-policy")
class CrossrefDepositCommandTests {

    @Autowired
    JatsIngest ingest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.util.List<ApplicationRunner> runners;

    int run(String... args) throws Exception {
        ApplicationRunner command = runners.stream().filter(r -> r.getClass().getSimpleName().startsWith("CrossrefDepositCommand"))
                .findFirst().orElseThrow();
        command.run(new DefaultApplicationArguments(args));
        return ((ExitCodeGenerator) command).getExitCode();
    }

    @Test
    void writesOneDepositPerSelection(@TempDir Path dir) throws Exception {
        ArticleTables.deleteAll(jdbc);
        InteropFixtures.importAll(ingest);
        Path all = dir.resolve("all.xml");
        assertThat(run("crossref-deposit", "--out", all.toString())).isZero();
        String xml = Files.readString(all);
        assertThat(InteropSchemas.errors(InteropSchemas.crossref(), xml)).isEmpty();
        assertThat(xml.split("<journal_article ", -1)).hasSize(13);
        assertThat(xml).contains("<update type=\"correction\"");

        Path ris = dir.resolve("ris.xml");
        assertThat(run("crossref-deposit", "--journal", "RIS", "--since", "2000-01-01", "--out", ris.toString())).isZero();
        String one = Files.readString(ris);
        assertThat(InteropSchemas.errors(InteropSchemas.crossref(), one)).isEmpty();
        assertThat(one.split("<journal_article ", -1)).hasSize(3);

        assertThat(run("crossref-deposit", "--since", "2999-01-01", "--out", dir.resolve("none.xml").toString())).isEqualTo(1);
        assertThat(dir.resolve("none.xml")).doesNotExist();
        assertThat(run("crossref-deposit", "--journal", "NOPE")).isEqualTo(2);
        assertThat(run("crossref-deposit", "--since", "last-week")).isEqualTo(2);
    }
}
