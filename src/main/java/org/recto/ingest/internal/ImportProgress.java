package org.recto.ingest.internal;

import java.io.PrintStream;

/**
 * The import's one progress bar, for both of its stages: the files stored, and the articles whose derived data
 * (search index, related content, parsed references, pages) is made, which the listeners do in the background
 * while the import goes on and finish after it. Redrawn in place on a terminal; a line every 10 % otherwise.
 */
final class ImportProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final long totalBytes;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int stored;
    private int failed;
    private long bytes;
    private long lastStored = started;
    /** Articles with derived work pending, and listener deliveries pending in all (with the follow-ups'). */
    private long pendingArticles;
    private long pendingTasks;
    private int lastDecile = -1;
    private String lastLine = "";

    ImportProgress(PrintStream out, int total, long totalBytes, boolean terminal) {
        this.out = out;
        this.total = total;
        this.totalBytes = totalBytes;
        this.terminal = terminal;
    }

    /** One more file stored (or failed, or unchanged: none of these leaves derived work). */
    synchronized void stored(long size, boolean failure) {
        stored++;
        bytes += size;
        lastStored = System.nanoTime();
        if (failure) {
            failed++;
        }
        draw();
    }

    /** What the event publication registry says is left. */
    synchronized void pending(long articles, long tasks) {
        pendingArticles = articles;
        pendingTasks = tasks;
        draw();
    }

    /** The files whose derived data is made: those stored, less those whose listeners have not finished. */
    synchronized int derived() {
        return (int) Math.max(0, Math.min(stored, stored - pendingArticles));
    }

    synchronized void finish() {
        if (terminal) {
            out.println();
        }
    }

    private void draw() {
        long done = stored + derived();
        int decile = total == 0 ? 10 : (int) (done * 10 / (2L * total));
        String line = line();
        if (terminal ? !line.equals(lastLine) : decile != lastDecile) {
            lastDecile = decile;
            lastLine = line;
            out.print(terminal ? "\r" + line : line + System.lineSeparator());
            out.flush();
        }
    }

    private String line() {
        int derived = derived();
        int filled = total == 0 ? WIDTH : (int) ((long) (stored + derived) * WIDTH / (2L * total));
        double seconds = Math.max(1e-9, (lastStored - started) / 1e9);
        // Once every article is derived, what is left are the follow-ups (pages told of new citations, …).
        String followUps = derived == total && stored == total && pendingTasks > 0
                ? String.format(", %d follow-up tasks", pendingTasks) : "";
        return String.format("[%s%s] stored %d/%d · derived %d/%d%s · %.1f/%.1f MB, %d failed, %.0f files/s",
                "#".repeat(filled), " ".repeat(WIDTH - filled), stored, total, derived, total, followUps,
                bytes / 1e6, totalBytes / 1e6, failed, stored / seconds);
    }
}
