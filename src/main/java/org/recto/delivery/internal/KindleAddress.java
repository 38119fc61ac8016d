package org.recto.delivery.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Kindle's e-mail address: the name part the reader typed and one of Amazon's two domains. Nothing else can
 * be made into an address, so the form cannot relay mail to anyone who is not a Kindle.
 */
public record KindleAddress(String name, Domain domain) {

    /**
     * What Amazon allows in the name part of a Send-to-Kindle address: letters, digits, dots, hyphens and
     * underscores, starting with a letter or digit, at most 64 characters (the local part's limit), no two dots
     * in a row and no dot at the end.
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9_-])?");

    public KindleAddress {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(invalid(name));
        }
    }

    /** The two domains Amazon delivers to. */
    public enum Domain {
        KINDLE("kindle.com"), FREE("free.kindle.com");

        private final String host;

        Domain(String host) {
            this.host = host;
        }

        public String host() {
            return host;
        }

        /** The domain a form field names ({@code kindle.com} or {@code free.kindle.com}), else an explained refusal. */
        public static Domain of(String field) {
            for (Domain d : values()) {
                if (d.host.equals(field)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("Choose @kindle.com or @free.kindle.com; Recto sends to no other domain.");
        }
    }

    /** The address from the form's name part (trimmed, lower case, as Amazon compares it) and domain. */
    public static KindleAddress of(String name, String domain) {
        String typed = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            throw new IllegalArgumentException("Enter the ‘name’ part of your Kindle e-mail address (before the @).");
        }
        if (typed.contains("@")) {
            throw new IllegalArgumentException("Enter only the ‘name’ part of your Kindle e-mail address, the part before the @; "
                    + "choose the domain below.");
        }
        return new KindleAddress(typed, Domain.of(domain));
    }

    public String email() {
        return name + "@" + domain.host();
    }

    private static String invalid(String name) {
        return "‘" + (name.length() > 70 ? name.substring(0, 70) + "…" : name) + "’ is not the name part of a Kindle address: "
                + "use letters, digits, dots, hyphens and underscores (at most 64), as Amazon allows.";
    }
}
