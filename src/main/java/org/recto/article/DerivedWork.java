package org.recto.article;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * The work that listeners do on published versions (parsed references, prepared pages, …), tracked by
 * the event publication registry. Commands that publish wait for it before they exit, with progress.
 */
public interface DerivedWork {

    /** How many listener deliveries are not finished yet. */
    long pending();

    /**
     * How many published article versions still have a listener delivery of their {@link ArticlePublished} to
     * finish (the follow-up events those listeners publish are counted by {@link #pending} only).
     */
    long pendingArticles();

    /** Of the versions read by this node (for its listeners, mostly), how many came from memory and how many from the store. */
    Reads reads();

    /** See {@link #reads()}. */
    record Reads(long fromMemory, long fromStore) {
    }

    /**
     * Waits until nothing is pending, telling {@code progress} how much still is as it changes.
     * Answers false when the timeout ran out first.
     */
    boolean await(Duration timeout, LongConsumer progress) throws InterruptedException;

    /** {@link #await} with a progress bar: redrawn in place on a terminal, a line every 10 % otherwise. */
    default boolean await(Duration timeout, PrintStream out) throws InterruptedException {
        boolean terminal = System.console() != null;
        long[] state = {-1, -1}; // the most pending seen, the last decile printed
        boolean done = await(timeout, left -> {
            state[0] = Math.max(state[0], left);
            long total = Math.max(1, state[0]);
            int filled = (int) ((total - left) * 30 / total);
            long decile = (total - left) * 10 / total;
            if (terminal || decile != state[1]) {
                state[1] = decile;
                out.print(String.format("%s[%s%s] derived data (references, pages): %d of %d tasks left%s",
                        terminal ? "\r" : "", "#".repeat(filled), " ".repeat(30 - filled), left, state[0],
                        terminal ? "" : System.lineSeparator()));
                out.flush();
            }
        });
        if (terminal) {
            out.println();
        }
        return done;
    }
}
