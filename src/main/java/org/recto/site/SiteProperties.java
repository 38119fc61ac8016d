package org.recto.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reader's site ({@code recto.site.*}).
 *
 * @param name    the platform's name, shown in the header and in "Views captured on …"
 * @param baseUrl the public address, for absolute links in meta tags, JSON-LD and feeds
 */
@ConfigurationProperties("recto.site")
public record SiteProperties(@DefaultValue("Recto") String name, @DefaultValue("http://localhost:8080") String baseUrl) {

    public String absolute(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
