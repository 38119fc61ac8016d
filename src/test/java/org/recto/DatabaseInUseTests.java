package org.recto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recto.support.SharedData;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** A command or server that meets the embedded database held by another process says so in a paragraph. */
class DatabaseInUseTests {

    @TempDir
    Path dataDir;

    @Test
    void importWhileAnotherProcessHoldsTheDatabaseSaysWhatToDoAndExitsWithTwo() throws Exception {
        Path file = dataDir.resolve("db/recto.mv.db");
        // This JVM holds the database the way a running server does; the import is a process of its own.
        try (Connection server = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/recto") + ";AUTO_SERVER=FALSE")) {
            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RectoApplication.class.getName(),
                    "import", SharedData.seed("mills-bloomfield-2018.xml").toString())
                    .redirectErrorStream(true);
            command.environment().keySet().removeIf(name -> name.startsWith("RECTO_") || name.startsWith("SPRING_"));
            command.environment().put("RECTO_DATA_DIR", dataDir.toString());
            command.environment().put("RECTO_DEMO", "false");
            Process process = command.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isEqualTo(DatabaseInUseFailureAnalyzer.EXIT_CODE);
            assertThat(output).contains("The embedded database " + file + " is in use by another process")
                    .contains("Stop the server first, or do it through the running server")
                    .contains("curl -X POST http://127.0.0.1:8080/api/v1/articles")
                    .doesNotContain("\tat ", "Caused by", "Exception");
            assertThat(output.lines().filter(line -> !line.isBlank()).count()).as(output).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aSecondServerIsToldToStopTheOtherOrUseADataDirectoryOfItsOwn() throws Exception {
        SQLException inUse = realInUseError();
        // As Spring surfaces it: a bean (Flyway's) that could not be created because of it.
        IllegalStateException failure = new IllegalStateException("Error creating bean 'flywayInitializer'", inUse);

        FailureAnalysis analysis = new DatabaseInUseFailureAnalyzer(new MockEnvironment()).analyze(failure);

        assertThat(analysis.getDescription())
                .startsWith("The embedded database " + dataDir.resolve("db/recto.mv.db") + " is in use by another process");
        assertThat(analysis.getAction()).startsWith("Stop the other Recto process first")
                .contains("a data directory of its own (RECTO_DATA_DIR)");
        assertThat(analysis.getCause()).isSameAs(inUse);
    }

    @Test
    void otherStartUpFailuresAreLeftToSpringBoot() {
        var analyzer = new DatabaseInUseFailureAnalyzer(new MockEnvironment());
        assertThat(analyzer.analyze(new IllegalStateException(new SQLException("Connection refused", "08001", 0)))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no database involved"))).isNull();
    }

    /** H2's own error for a database file locked by someone else (here a lock of this JVM's on the file). */
    private SQLException realInUseError() throws IOException, SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("db/recto") + ";AUTO_SERVER=FALSE";
        DriverManager.getConnection(url).close();
        try (FileChannel channel = FileChannel.open(dataDir.resolve("db/recto.mv.db"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            try (Connection unexpected = DriverManager.getConnection(url)) {
                throw new AssertionError("H2 opened a locked database file");
            } catch (SQLException inUse) {
                assertThat(inUse.getErrorCode()).isEqualTo(90020);
                return inUse;
            }
        }
    }
}
