package org.recto.interop.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

import org.recto.article.ArticleChanges.Change;

/**
 * Where a harvest stands, carried by the harvester rather than kept by the server: the request's
 * selection, the moment the list is taken "as of", the last record sent (its datestamp to the
 * microsecond and its DOI), how many were sent and how many the list holds. A list walks the store as of
 * one moment and in (stored at, DOI) order, so articles imported while a harvest goes on neither shift
 * nor repeat its records, any node of a cluster can answer the next request, and nothing is left to
 * expire on the server. The checksum catches a mangled token; editing one by hand gains nothing that
 * a new request would not give.
 */
record ResumptionToken(String metadataPrefix, String set, Instant from, Instant until, Instant asOf, Instant afterStoredAt,
                       String afterDoi, int cursor, long completeListSize, Instant expires) {

    private static final String VERSION = "r1";

    Change after() {
        return new Change(afterDoi, 0, afterStoredAt, null, null);
    }

    String encode() {
        String body = String.join("\n", VERSION, metadataPrefix, nullable(set), micros(from), micros(until), micros(asOf),
                micros(afterStoredAt), afterDoi, Integer.toString(cursor), Long.toString(completeListSize),
                Long.toString(expires.getEpochSecond()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + Long.toHexString(crc(bytes));
    }

    /** The token's content, or a badResumptionToken error saying why it cannot be used at {@code now}. */
    static ResumptionToken decode(String token, Instant now) {
        int dot = token.lastIndexOf('.');
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(dot < 0 ? "" : token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            throw bad("The resumptionToken is not one this repository issued.");
        }
        if (dot < 0 || !Long.toHexString(crc(bytes)).equals(token.substring(dot + 1))) {
            throw bad("The resumptionToken is not one this repository issued (or it was cut short).");
        }
        String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (f.length != 11 || !VERSION.equals(f[0])) {
            throw bad("The resumptionToken is not one this repository issued.");
        }
        try {
            ResumptionToken t = new ResumptionToken(f[1], f[2].isEmpty() ? null : f[2], instant(f[3]), instant(f[4]),
                    instant(f[5]), instant(f[6]), f[7], Integer.parseInt(f[8]), Long.parseLong(f[9]),
                    Instant.ofEpochSecond(Long.parseLong(f[10])));
            if (t.asOf() == null || t.afterStoredAt() == null || t.afterDoi().isEmpty() || t.cursor() < 0) {
                throw bad("The resumptionToken is not one this repository issued.");
            }
            if (now.isAfter(t.expires())) {
                throw bad("The resumptionToken expired at " + OaiDates.format(t.expires())
                        + "; start the list again without it.");
            }
            return t;
        } catch (NumberFormatException e) {
            throw bad("The resumptionToken is not one this repository issued.");
        }
    }

    private static OaiError bad(String message) {
        return new OaiError("badResumptionToken", message);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static String nullable(String s) {
        return s == null ? "" : s;
    }

    private static String micros(Instant t) {
        if (t == null) {
            return "";
        }
        return Long.toString(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
    }

    private static Instant instant(String micros) {
        if (micros.isEmpty()) {
            return null;
        }
        long m = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1000);
    }
}
