package org.recto.usage.internal;

import java.util.List;

import org.recto.article.ArticlePublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the roll-up: on the {@code recto.usage.rollup-cron} schedule (UTC) and from the command line
 * ({@code java -jar recto.jar usage-rollup}). Also forgets a cached access type when an article is republished.
 */
@Component
class RollupJobs implements ApplicationRunner, ExitCodeGenerator {

    static final String VERB = "usage-rollup";
    private static final Logger log = LoggerFactory.getLogger(RollupJobs.class);

    private final RollupService rollup;
    private final AccessTypes accessTypes;
    private volatile int exitCode;

    RollupJobs(RollupService rollup, AccessTypes accessTypes) {
        this.rollup = rollup;
        this.accessTypes = accessTypes;
    }

    @Scheduled(cron = "${recto.usage.rollup-cron:0 15 2 * * *}", zone = "UTC")
    void scheduled() {
        try {
            RollupResult r = rollup.run(log::info);
            if (!r.ran()) {
                log.info("Scheduled usage roll-up skipped: {} holds the lock", r.lockedBy());
            }
        } catch (RuntimeException e) {
            log.error("Scheduled usage roll-up failed; the next run resumes it", e);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> verbs = args.getNonOptionArgs();
        if (verbs.isEmpty() || !VERB.equals(verbs.get(0))) {
            return;
        }
        try {
            RollupResult r = rollup.run(System.out::println);
            if (!r.ran()) {
                System.out.println("usage-rollup: not run, the lock is held by " + r.lockedBy()
                        + " (another node is rolling up, or a crashed run's lease has not expired yet)");
                exitCode = 3;
            }
        } catch (RuntimeException e) {
            System.err.println("usage-rollup failed: " + e.getMessage() + " (rerun to resume)");
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @EventListener
    void on(ArticlePublished event) {
        accessTypes.forget(event.doi());
    }
}
