package org.recto.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import settings ({@code recto.ingest.*}).
 *
 * @param threads   how many documents the import command reads (parses) at once (0: one per core)
 * @param writers   how many batches the import command stores at once, each on its own connection
 * @param batchSize how many articles the import command stores per transaction
 */
@ConfigurationProperties("recto.ingest")
public record IngestProperties(@DefaultValue("0") int threads,
        @DefaultValue("1") int writers, @DefaultValue("50") int batchSize) {

    public IngestProperties {
        writers = Math.max(1, writers);
        batchSize = Math.max(1, batchSize);
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
