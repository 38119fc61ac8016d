package org.recto.formats;

import java.util.List;

/**
 * The "Cite this article" panel: the reference in a few common styles, the style picker (a plain GET form
 * to {@code action}, so it works without JavaScript) and the reference-manager downloads.
 *
 * @param action       the path of {@code /doi/{doi}/cite}
 * @param version      {@code ?version=N} for an earlier version, else null
 * @param references   the reference in each common style
 * @param styles       the picker's choices
 * @param downloads    RIS, BibTeX, EndNote, CSL-JSON
 * @param styleCount   how many CSL styles {@code ?style=} accepts
 */
public record CitePanel(String action, Integer version, List<Reference> references, List<Choice> styles,
                        List<Choice> downloads, int styleCount) {

    /** One formatted reference: the style's id and label, and the reference as safe HTML. */
    public record Reference(String style, String label, String html) {
    }

    /** A style in the picker (id and label) or a download (href and label). */
    public record Choice(String value, String label) {
    }
}
