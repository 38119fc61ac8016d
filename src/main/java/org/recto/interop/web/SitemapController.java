package org.recto.interop.web;

import java.nio.charset.StandardCharsets;

import org.recto.interop.PublicLinks;
import org.recto.interop.sitemap.Sitemaps;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** {@code /sitemap.xml} (the index), {@code /journals/{key}/sitemap.xml} (a journal's, by page) and {@code /robots.txt}. */
@Controller
class SitemapController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Sitemaps sitemaps;
    private final PublicLinks links;

    SitemapController(Sitemaps sitemaps, PublicLinks links) {
        this.sitemaps = sitemaps;
        this.links = links;
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index() {
        return ResponseEntity.ok().contentType(XML).body(sitemaps.index());
    }

    @GetMapping("/journals/{key}/sitemap.xml")
    ResponseEntity<byte[]> journal(@PathVariable String key, @RequestParam(defaultValue = "1") int page) {
        byte[] body = sitemaps.journal(key, page)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no sitemap page " + page + " of " + key + " here."));
        return ResponseEntity.ok().contentType(XML).body(body);
    }

    /** Everything may be crawled except the admin API; the sitemap index says where the articles are. */
    @GetMapping("/robots.txt")
    ResponseEntity<byte[]> robots() {
        String text = "User-agent: *\nAllow: /\nDisallow: /api/v1/admin/\n\nSitemap: " + links.absolute(sitemaps.indexPath()) + "\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }
}
