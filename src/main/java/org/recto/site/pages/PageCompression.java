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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Makes a {@link PreparedPage} of rendered HTML: compresses it once, since it is then served many times,
 * and tags it. Brotli comes from brotli4j's native encoder; where that cannot load (a
 * platform without its native library) pages go as gzip, with a warning at start.
 */
@Component
public class PageCompression {

    private static final Logger log = LoggerFactory.getLogger(PageCompression.class);
    /**
     * Quality 9, not 11: every page is prepared again after each daily roll-up, and at 11 brotli alone took
     * most of a render (seen in thread dumps of the 11,560-article crawl); 9 is still well below gzip's size.
     */
    private static final Encoder.Parameters BROTLI = new Encoder.Parameters().setQuality(9).setMode(Encoder.Mode.TEXT);

    private final boolean brotli;

    PageCompression() {
        this.brotli = Brotli4jLoader.isAvailable();
        if (!brotli) {
            log.warn("No brotli encoder on this platform ({}); pages are sent gzip-compressed only",
                    Brotli4jLoader.getUnavailabilityCause().toString());
        }
    }

    public PreparedPage prepare(byte[] html, Instant renderedAt, double renderMillis) {
        return new PreparedPage(html, gzip(html), brotli ? brotli(html) : null, tag(html),
                renderedAt.truncatedTo(ChronoUnit.SECONDS), renderMillis);
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

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, BROTLI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
