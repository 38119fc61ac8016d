package org.recto.article.internal;

import java.util.Locale;

/** DOIs are case-insensitive (ASCII): the store compares them by a lower-case key. */
final class DoiKeys {

    private DoiKeys() {
    }

    static String key(String doi) {
        return doi == null ? null : doi.strip().toLowerCase(Locale.ROOT);
    }
}
