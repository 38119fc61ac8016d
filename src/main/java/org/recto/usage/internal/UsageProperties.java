package org.recto.usage.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code recto.usage}.
 *
 * @param capture        false turns counting off (record does nothing); for measuring what counting costs
 * @param robotsFile     the COUNTER robots list (JSON array of {pattern} or one pattern a line); empty = the
 *                       copy bundled under {@code usage/} (MIT, with its licence)
 * @param platform       the Platform name in reports
 * @param rollupCron     when the daily roll-up runs (UTC)
 * @param rollupParallelism days the roll-up counts at once (one database connection each)
 * @param flushInterval  how long an event may wait in memory before it is written: the loss window on a crash
 * @param batchSize      events per INSERT batch
 * @param queueCapacity  events held in memory before {@code record} applies back-pressure
 * @param writerThreads  threads that write events (one database connection each while writing)
 * @param nodeId         this node's name in the job lock; empty = host name + process id
 * @param createdBy      Created_By in report headers
 * @param worldApiKey    the SUSHI API key for "The World" (customer 0000000000000000, all usage); empty = refused (2011)
 * @param registryRecord the platform's COUNTER Registry record URL, if it has one
 * @param institutions   the customers: IP ranges and SUSHI API keys
 */
@ConfigurationProperties("recto.usage")
public record UsageProperties(
        @DefaultValue("true") boolean capture,
        @DefaultValue("") String robotsFile,
        @DefaultValue("Recto") String platform,
        @DefaultValue("0 15 2 * * *") String rollupCron,
        @DefaultValue("2") int rollupParallelism,
        @DefaultValue("200ms") Duration flushInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("200000") int queueCapacity,
        @DefaultValue("2") int writerThreads,
        @DefaultValue("") String nodeId,
        @DefaultValue("Recto") String createdBy,
        @DefaultValue("") String worldApiKey,
        @DefaultValue("") String registryRecord,
        List<Institution> institutions) {

    public UsageProperties {
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        if (flushInterval.isNegative() || flushInterval.isZero() || flushInterval.toMillis() > 1000) {
            throw new IllegalArgumentException("recto.usage.flush-interval must be between 1 ms and 1 s, was "
                    + flushInterval);
        }
        if (batchSize < 1 || queueCapacity < batchSize) {
            throw new IllegalArgumentException("recto.usage.batch-size must be >= 1 and <= queue-capacity");
        }
    }

    /**
     * A customer: an institution with IP ranges (CIDR) and a SUSHI API key.
     *
     * @param customerId    the SUSHI customer_id
     * @param institutionId optional registry id, "namespace:value" (e.g. "ror:...")
     */
    public record Institution(String name, String customerId, String institutionId, List<String> ipRanges,
                              String apiKey) {
        public Institution {
            if (customerId == null || customerId.isBlank()) {
                throw new IllegalArgumentException("recto.usage.institutions: every institution needs a customer-id");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("recto.usage.institutions[" + customerId + "]: name is missing");
            }
            ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
        }
    }
}
