package org.recto.site.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A page rendered once: its bytes as sent, the same gzip-compressed, and what revalidation needs. The
 * ETag is made from the bytes, so every node that renders the same page gives the same tag.
 */
public record PreparedPage(byte[] identity, byte[] gzip, String etag, Instant lastModified, double renderMillis) {

    /** Prepares the rendered HTML: compresses it once, at the highest level, since it is served many times. */
    public static PreparedPage of(byte[] html, Instant renderedAt, double renderMillis) {
        return new PreparedPage(html, gzip(html), tag(html), renderedAt.truncatedTo(ChronoUnit.SECONDS), renderMillis);
    }

    /** What the cache counts against its bound. */
    int weight() {
        return identity.length + gzip.length + 200;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String tag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
