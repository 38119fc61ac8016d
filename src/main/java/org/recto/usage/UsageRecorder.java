package org.recto.usage;

/**
 * Where the site reports reader actions. {@link #record} only enqueues: the page never waits for the
 * database, and it never throws to the caller.
 */
public interface UsageRecorder {

    void record(UsageRequest request);
}
