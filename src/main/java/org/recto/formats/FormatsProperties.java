package org.recto.formats;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The formats module ({@code recto.formats.*}).
 *
 * @param dir            where the generated PDF and EPUB files are kept (under the data directory)
 * @param renderTimeout  the longest one PDF or EPUB may take to make; past it the reader is told it could not be made
 * @param renderThreads  how many files are made at once (each takes a core while it runs)
 * @param prepare        make the files in the background after a version is published; when false (batch
 *                       commands) each is made on its first request
 */
@ConfigurationProperties("recto.formats")
public record FormatsProperties(Path dir, @DefaultValue("60s") Duration renderTimeout,
                                @DefaultValue("1") int renderThreads, @DefaultValue("true") boolean prepare) {

    public FormatsProperties {
        if (dir == null) {
            dir = Path.of("data", "formats");
        }
        renderThreads = Math.max(1, renderThreads);
    }
}
