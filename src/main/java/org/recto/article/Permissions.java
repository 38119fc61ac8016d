package org.recto.article;

/** Copyright and licence as {@code <permissions>} gives them. */
public record Permissions(
        String copyrightStatement,
        String copyrightYear,
        String copyrightHolder,
        String licenseUrl,
        String licenseHtml) {

    public static final Permissions NONE = new Permissions(null, null, null, null, null);
}
