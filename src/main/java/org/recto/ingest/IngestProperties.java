package org.recto.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import settings ({@code recto.ingest.*}).
 *
 * @param maxBytes the largest JATS document accepted, from a file or over HTTP
 * @param threads  how many articles the import command reads and stores at once (0: one per core)
 */
@ConfigurationProperties("recto.ingest")
public record IngestProperties(@DefaultValue("52428800") long maxBytes, @DefaultValue("0") int threads) {

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
