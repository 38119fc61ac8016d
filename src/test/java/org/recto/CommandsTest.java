package org.recto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recto.jar help}, {@code --help} and an unknown verb print the verbs and exit; nothing is served. */
class CommandsTest {

    private record Answer(Integer code, String out, String err) {
    }

    private static Answer help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer code = Commands.help(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryVerb() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"-h"}, {"import", "--help"}}) {
            Answer a = help(args);
            assertThat(a.code()).as(String.join(" ", args)).isZero();
            assertThat(a.out()).contains("import PATH...", "import-benchmark", "usage-rollup", "reindex", "refs-parse",
                    "refs-eval", "refs-train", "RECTO_PORT");
        }
    }

    @Test
    void anUnknownVerbIsAnErrorWithTheVerbs() {
        Answer a = help("imprt", "article.xml");
        assertThat(a.code()).isEqualTo(Commands.UNKNOWN_VERB);
        assertThat(a.err()).contains("\"imprt\" is not a command", "import PATH...");
        assertThat(a.out()).isEmpty();
        assertThat(help("\u001b[2Jx").err()).doesNotContain("\u001b");
    }

    @Test
    void theSiteAndTheVerbsStartAsBefore() {
        assertThat(help().code()).isNull();
        assertThat(help("--server.port=8105").code()).isNull();
        assertThat(help("import", "a.xml").code()).isNull();
        assertThat(help("refs-parse").code()).isNull();
    }

    /** The real main in its own JVM: it must exit at once, with no web server started. */
    @Test
    void theJarsMainExitsWithoutServing(@TempDir Path data) throws Exception {
        assertThat(run(data, "--help")).satisfies(r -> {
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("import PATH...").doesNotContain("Tomcat");
        });
        assertThat(run(data, "frobnicate")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(Commands.UNKNOWN_VERB);
            assertThat(r.err()).contains("\"frobnicate\" is not a command");
            assertThat(r.out()).doesNotContain("Tomcat");
        });
    }

    private static Answer run(Path data, String arg) throws Exception {
        Path out = data.resolve("out.txt");
        Path err = data.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RectoApplication.class.getName(), arg))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("RECTO_DATA_DIR", data.toString() + File.separator + "data");
        pb.environment().put("RECTO_PORT", "0");
        Process p = pb.start();
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        assertThat(exited).as("recto %s exited (rather than serving)", arg).isTrue();
        return new Answer(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
