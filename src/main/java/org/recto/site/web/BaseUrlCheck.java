package org.recto.site.web;

import java.net.URI;

import org.recto.site.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says so at start when the base URL names this machine at another port than the one the site listens on: every
 * absolute link (rel=canonical, Google Scholar tags, JSON-LD) would then point at nothing. A public base URL
 * (behind a proxy) is not compared.
 */
@Component
class BaseUrlCheck {

    private static final Logger log = LoggerFactory.getLogger(BaseUrlCheck.class);

    private final SiteProperties site;

    BaseUrlCheck(SiteProperties site) {
        this.site = site;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        String problem = mismatch(site.baseUrl(), event.getWebServer().getPort());
        if (problem != null) {
            log.warn(problem);
        }
    }

    /** The warning, or null when the base URL is public, or a local one at the port served. */
    static String mismatch(String baseUrl, int port) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            return "RECTO_BASE_URL (recto.site.base-url) \"" + baseUrl + "\" is not a URL; absolute links will be broken";
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        int basePort = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        if (!local || basePort == 0 || port <= 0 || basePort == port) {
            return null;
        }
        return "RECTO_BASE_URL (recto.site.base-url) is " + baseUrl + " but the site listens on port " + port
                + ": absolute links (rel=canonical, meta tags, JSON-LD) point at another port. Leave RECTO_BASE_URL"
                + " unset to follow RECTO_PORT, or set it to the address readers use";
    }
}
