package org.recto.site.pages;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.recto.site.SiteProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This node's prepared pages, bounded by their bytes ({@code recto.site.page-cache-size}). A page is
 * rendered on its first request and kept until an invalidation names its DOI. A render that an
 * invalidation overtook (it may have read the data before the change) is served once but not kept.
 */
@Component
public class PageCache {

    private final Cache<PageKey, PreparedPage> pages;
    /** Moves on with every invalidation, so that a render can tell whether one happened while it ran. */
    private final AtomicLong generation = new AtomicLong();

    PageCache(SiteProperties site) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(site.pageCacheSize().toBytes())
                .weigher((PageKey key, PreparedPage page) -> page.weight())
                .build();
    }

    /** The prepared page, rendering it if this node has none; empty when there is no such page. */
    public Optional<Served> get(PageKey key, Function<PageKey, Optional<PreparedPage>> render) {
        PreparedPage hit = pages.getIfPresent(key);
        if (hit != null) {
            return Optional.of(new Served(hit, false));
        }
        long before = generation.get();
        Optional<PreparedPage> made = render.apply(key);
        made.ifPresent(page -> {
            pages.put(key, page);
            if (generation.get() != before) {
                pages.invalidate(key);
            }
        });
        return made.map(page -> new Served(page, true));
    }

    /** Drops every page of these DOIs. */
    public void invalidate(Collection<String> dois) {
        generation.incrementAndGet();
        var keys = dois.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        pages.asMap().keySet().removeIf(k -> keys.contains(k.doiKey()));
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** A page as served: {@code rendered} when this request had to render it. */
    public record Served(PreparedPage page, boolean rendered) {
    }
}
