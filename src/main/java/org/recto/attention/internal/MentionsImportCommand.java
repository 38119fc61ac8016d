package org.recto.attention.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.recto.article.DerivedWork;
import org.recto.attention.AttentionProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code recto.jar mentions-import FILE}: mentions as JSON lines, checked, stored once each (by source and id), then
 * the pages that show their scores prepared again. Exit code 1 if the file has a bad mention (nothing is stored).
 */
@Component
class MentionsImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "mentions-import";

    private final MentionIntake intake;
    private final MentionReader reader;
    private final DerivedWork derived;
    private int exitCode;

    MentionsImportCommand(MentionIntake intake, AttentionProperties properties, DerivedWork derived) {
        this.intake = intake;
        this.reader = new MentionReader(properties.weights().keySet());
        this.derived = derived;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !VERB.equals(words.get(0))) {
            return;
        }
        PrintStream out = System.out;
        if (words.size() != 2) {
            out.println("usage: recto.jar mentions-import FILE   (one JSON mention a line)");
            exitCode = 2;
            return;
        }
        Path file = Path.of(words.get(1));
        if (!Files.isRegularFile(file)) {
            out.println("mentions-import: no such file: " + file);
            exitCode = 2;
            return;
        }
        MentionReader.Read read = reader.jsonLines(Files.readString(file, StandardCharsets.UTF_8));
        if (!read.ok()) {
            out.printf("mentions-import: %d problem(s) in %s; nothing was stored%n", read.problems().size(), file);
            read.problems().stream().limit(50).forEach(p -> out.println("  " + p));
            exitCode = 1;
            return;
        }
        MentionIntake.Outcome outcome = intake.record(read.mentions());
        out.printf("mentions-import: %d mentions read, %d new, %d already known%n", outcome.received(), outcome.added(),
                outcome.received() - outcome.added());
        derived.await(Duration.ofMinutes(30), out);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
