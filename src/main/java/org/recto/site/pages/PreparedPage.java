package org.recto.site.pages;

import java.time.Instant;

/**
 * A page rendered once: its bytes as sent, the same compressed with gzip and (where the native encoder
 * loads) brotli, and what revalidation needs. The ETag is made from the bytes, so every node that renders
 * the same page gives the same tag.
 *
 * @param brotli null where no brotli encoder is available
 */
public record PreparedPage(byte[] identity, byte[] gzip, byte[] brotli, String etag, Instant lastModified,
                           double renderMillis) {

    /** What the cache counts against its bound. */
    int weight() {
        return identity.length + gzip.length + (brotli == null ? 0 : brotli.length) + 200;
    }
}
