package org.recto.web;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the site's paths, stricter than RFC 3986 needs: a path must reach the route
 * it names through Tomcat, which cuts {@code ;…} off a segment as a path parameter, and through
 * browsers and proxies, which end the path at {@code ?} or {@code #}. Only the unreserved characters
 * and a few harmless sub-delimiters stay as they are; {@code ;}, {@code %}, {@code <}, {@code >},
 * spaces, non-ASCII (as UTF-8) and everything else are encoded.
 */
public final class PathEncoding {

    private static final String KEPT = "-._~!$&'()*+,=:@";

    private PathEncoding() {
    }

    /** One path segment: a slash in it is encoded too ({@code 3/4} becomes {@code 3%2F4}). */
    public static String segment(String value) {
        return encode(value, false);
    }

    /** A DOI as a path: its slashes stay, since routes under {@code /doi/} read the DOI whole. */
    public static String doi(String doi) {
        return encode(doi, true);
    }

    private static String encode(String value, boolean keepSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || KEPT.indexOf(c) >= 0 || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
