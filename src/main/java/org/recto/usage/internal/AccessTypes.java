package org.recto.usage.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.recto.article.ArticleCatalog;
import org.recto.article.StoredArticle;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The COUNTER Access_Type of an article: {@code Open} when its licence is a Creative Commons licence or public
 * domain dedication, else {@code Controlled}. Resolved when an event is written (on the writer thread, never the
 * page's), cached per DOI and forgotten when a new version is published.
 */
public class AccessTypes {

    public static final String OPEN = "Open";
    public static final String CONTROLLED = "Controlled";
    private static final int CACHE_LIMIT = 100_000;

    private final ObjectProvider<ArticleCatalog> catalog;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public AccessTypes(ObjectProvider<ArticleCatalog> catalog) {
        this.catalog = catalog;
    }

    public String of(String doi) {
        String key = doi.toLowerCase(Locale.ROOT);
        String known = cache.get(key);
        if (known != null) {
            return known;
        }
        ArticleCatalog c = catalog.getIfAvailable();
        if (c == null) {
            return CONTROLLED;
        }
        String type;
        try {
            type = c.find(doi).map(StoredArticle::article)
                    .map(a -> a.permissions() == null ? null : a.permissions().licenseUrl())
                    .map(AccessTypes::ofLicence).orElse(CONTROLLED);
        } catch (RuntimeException e) {
            return CONTROLLED; // the store is unreachable: count the view anyway, do not cache the guess
        }
        if (cache.size() < CACHE_LIMIT) {
            cache.put(key, type);
        }
        return type;
    }

    static String ofLicence(String licenseUrl) {
        if (licenseUrl == null) {
            return CONTROLLED;
        }
        String u = licenseUrl.toLowerCase(Locale.ROOT);
        return u.contains("creativecommons.org/licenses/") || u.contains("creativecommons.org/publicdomain/")
                ? OPEN : CONTROLLED;
    }

    public void forget(String doi) {
        cache.remove(doi.toLowerCase(Locale.ROOT));
    }
}
