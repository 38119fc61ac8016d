package org.recto.interop.web;

import org.recto.interop.feed.AtomFeeds;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Atom feeds: {@code /feed} for the whole site, {@code /journals/{key}/feed} per journal. */
@Controller
class FeedController {

    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final AtomFeeds feeds;

    FeedController(AtomFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/feed")
    ResponseEntity<byte[]> site() {
        return ResponseEntity.ok().contentType(ATOM).body(feeds.site());
    }

    @GetMapping("/journals/{key}/feed")
    ResponseEntity<byte[]> journal(@PathVariable String key) {
        return ResponseEntity.ok().contentType(ATOM).body(feeds.journal(key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no journal " + key + " here.")));
    }
}
