package org.recto.formats;

/** The files made from an article version. */
public enum FormatKind {
    PDF("pdf", "application/pdf"),
    EPUB("epub", "application/epub+zip");

    private final String extension;
    private final String mediaType;

    FormatKind(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension and the route's action ({@code /doi/{doi}/pdf}). */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
