package org.recto.article.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.recto.article.ArticlePublished;
import org.recto.article.ArticleVersions;
import org.recto.article.ArticleVersions.VersionKey;
import org.recto.article.DerivedWork;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code recto.jar reindex}: announces every stored version again, so that each module rebuilds what it
 * derives from it (parsed references, citation index, prepared pages) through the same listeners that a
 * new version goes through, and waits for them with a progress bar. For a new reference model or a lost cache.
 */
@Component
class ReindexCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "reindex";
    private static final int PER_TRANSACTION = 200;

    private final ArticleVersions versions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DerivedWork derived;
    private int exitCode;

    ReindexCommand(ArticleVersions versions, ApplicationEventPublisher events, TransactionTemplate transaction,
                   DerivedWork derived) {
        this.versions = versions;
        this.events = events;
        this.transaction = transaction;
        this.derived = derived;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !VERB.equals(words.get(0))) {
            return;
        }
        PrintStream out = System.out;
        long started = System.nanoTime();
        List<VersionKey> all = versions.allVersions();
        out.printf("reindex: %d versions of %d articles%n", all.size(),
                all.stream().filter(VersionKey::latest).count());
        for (int from = 0; from < all.size(); from += PER_TRANSACTION) {
            List<VersionKey> chunk = all.subList(from, Math.min(all.size(), from + PER_TRANSACTION));
            // Published inside a transaction: the registry records each delivery before any listener runs.
            transaction.executeWithoutResult(status -> chunk.forEach(v ->
                    events.publishEvent(new ArticlePublished(v.doi(), v.version(), false, List.of(), true))));
        }
        boolean done = derived.await(Duration.ofHours(12), out);
        out.printf("reindex: %s in %.1f s%n", done ? "done" : "stopped waiting, work is still pending",
                (System.nanoTime() - started) / 1e9);
        exitCode = done ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
