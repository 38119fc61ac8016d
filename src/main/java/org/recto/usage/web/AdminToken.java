package org.recto.usage.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks {@code Authorization: Bearer <recto.admin-token>} in constant time; an empty token refuses everyone. */
final class AdminToken {

    private final byte[] expected;

    AdminToken(String token) {
        this.expected = token == null || token.isEmpty() ? null : digest(token);
    }

    boolean accepts(String authorization) {
        if (expected == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Comparing digests makes the time independent of where the strings differ and of their lengths.
        return MessageDigest.isEqual(expected, digest(authorization.substring(7).strip()));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
