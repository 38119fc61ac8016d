package org.recto.site.pages;

import java.util.Locale;

/**
 * One prepared page variant: an article's landing page or full text, of its latest version ({@code version}
 * null) or of a given one, with its notes parsed or {@code ?notes=plain}.
 */
public record PageKey(String doiKey, Integer version, Kind kind, boolean plainNotes) {

    public enum Kind { LANDING, FULL_TEXT }

    public static PageKey of(String doi, Integer version, Kind kind, boolean plainNotes) {
        return new PageKey(doi.toLowerCase(Locale.ROOT), version, kind, plainNotes);
    }
}
