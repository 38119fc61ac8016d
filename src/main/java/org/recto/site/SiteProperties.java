package org.recto.site;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reader's site ({@code recto.site.*}).
 *
 * @param name    the platform's name, shown in the header and in "Views captured on …"
 * @param baseUrl the public address, for absolute links in meta tags, JSON-LD and feeds
 * @param pageCacheSize how many bytes of prepared pages (as sent and gzipped) each node keeps in memory
 * @param invalidationPoll how often a node reads the page invalidations that other nodes wrote
 */
@ConfigurationProperties("recto.site")
public record SiteProperties(@DefaultValue("Recto") String name, @DefaultValue("http://localhost:8080") String baseUrl,
                             @DefaultValue("64MB") DataSize pageCacheSize,
                             @DefaultValue("1s") Duration invalidationPoll) {

    public String absolute(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
