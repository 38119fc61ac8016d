package org.recto.interop.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.ArticleChanges.Change;
import org.recto.article.ArticleChanges.Window;
import org.recto.interop.crossref.CrossrefDeposit;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code recto.jar crossref-deposit [--journal KEY] [--since DATE] [--out FILE]}: one Crossref deposit
 * file of the latest versions of every article (of one journal; stored on or after a date), ready to
 * upload. It is written to a file (by default {@code crossref-deposit-<time>.xml} here), since the log
 * shares standard output.
 */
@Component
class CrossrefDepositCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "crossref-deposit";
    private static final String USAGE = "usage: java -jar recto.jar crossref-deposit [--journal KEY] [--since YYYY-MM-DD] [--out FILE]";

    private final ArticleChanges changes;
    private final ArticleCatalog catalog;
    private final CrossrefDeposit deposit;
    private final Clock clock;
    private final PrintStream out = System.out;
    private int exitCode;

    CrossrefDepositCommand(ArticleChanges changes, ArticleCatalog catalog, CrossrefDeposit deposit, Clock clock) {
        this.changes = changes;
        this.catalog = catalog;
        this.deposit = deposit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String[] words = args.getSourceArgs();
        if (words.length == 0 || !VERB.equals(words[0])) {
            return;
        }
        String journal = null;
        Instant since = null;
        Path file = null;
        for (int i = 1; i < words.length; i++) {
            String value = i + 1 < words.length ? words[i + 1] : null;
            switch (words[i]) {
                case "--journal" -> journal = value;
                case "--since" -> since = date(value);
                case "--out" -> file = value == null ? null : Path.of(value);
                default -> {
                    fail("crossref-deposit: unknown argument '" + words[i] + "'");
                    return;
                }
            }
            if (value == null) {
                fail("crossref-deposit: " + words[i] + " needs a value");
                return;
            }
            if (words[i].equals("--since") && since == null) {
                fail("crossref-deposit: --since takes a date as YYYY-MM-DD, not '" + value + "'");
                return;
            }
            i++;
        }
        if (journal != null && catalog.journal(journal).isEmpty()) {
            fail("crossref-deposit: there is no journal '" + journal + "'; the journals are "
                    + String.join(", ", catalog.journals().stream().map(j -> j.key()).toList()));
            return;
        }
        List<String> dois = selection(journal, since);
        if (dois.isEmpty()) {
            out.println("crossref-deposit: no article matches; nothing written.");
            exitCode = 1;
            return;
        }
        if (file == null) {
            file = Path.of("crossref-deposit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                    .format(clock.instant()) + ".xml");
        }
        int written;
        try (OutputStream xml = Files.newOutputStream(file)) {
            written = deposit.batch(dois, VERB + " " + (journal == null ? "*" : journal) + " " + since, xml);
        }
        out.printf("crossref-deposit: %d articles written to %s (%d bytes)%n", written, file.toAbsolutePath(), Files.size(file));
    }

    /** Every article's latest version, in the order it was stored, as the store stands now. */
    private List<String> selection(String journal, Instant since) {
        Window window = new Window(clock.instant(), since, null, journal, null);
        List<String> dois = new ArrayList<>();
        Change after = null;
        while (true) {
            List<Change> page = changes.page(window, after, 1000);
            page.forEach(c -> dois.add(c.doi()));
            if (page.size() < 1000) {
                return dois;
            }
            after = page.get(page.size() - 1);
        }
    }

    private static Instant date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void fail(String message) {
        out.println(message);
        out.println(USAGE);
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
