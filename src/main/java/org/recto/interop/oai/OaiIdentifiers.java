package org.recto.interop.oai;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Record identifiers: {@code oai:HOST:DOI}, HOST being the site's host name. A DOI character that an
 * oai-identifier may not hold (and {@code %} itself) is percent-encoded, so every DOI maps to one
 * identifier and back.
 */
final class OaiIdentifiers {

    private static final String ALLOWED = "-_.!~*'();/?:@&=+$,";

    private final String prefix;

    OaiIdentifiers(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        this.prefix = "oai:" + (host == null ? "localhost" : host) + ":";
    }

    String of(String doi) {
        StringBuilder out = new StringBuilder(prefix);
        for (byte b : doi.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean ok = b >= 0 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ALLOWED.indexOf(c) >= 0);
            out.append(ok ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    /** The DOI an identifier names, if it is one of this repository's. */
    Optional<String> doi(String identifier) {
        if (!identifier.startsWith(prefix) || identifier.length() == prefix.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.net.URLDecoder.decode(identifier.substring(prefix.length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
