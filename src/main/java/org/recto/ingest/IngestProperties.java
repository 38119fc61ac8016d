package org.recto.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import settings ({@code recto.ingest.*}).
 *
 * @param maxBytes the largest JATS document accepted, from a file or over HTTP
 */
@ConfigurationProperties("recto.ingest")
public record IngestProperties(@DefaultValue("52428800") long maxBytes) {
}
