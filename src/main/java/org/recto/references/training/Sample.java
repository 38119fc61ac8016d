package org.recto.references.training;

import java.util.List;

import org.recto.references.internal.Span;

/**
 * One gold reference string: where it came from ({@code source} is "anystyle" or "grobid",
 * {@code file} the file name), the unit the development split hashes (a whole per-paper file, or
 * the normalised text), the raw string and its labelled spans.
 */
public record Sample(String source, String file, String unit, String text, List<Span> spans) {

    public Sample {
        spans = List.copyOf(spans);
    }
}
