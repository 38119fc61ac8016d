package org.recto.formats.internal;

/**
 * A package image the print edition draws, under the name both renderers know it by ({@code images/3.png}): the PDF
 * reads it through openhtmltopdf's {@code recto-image:} stream, the EPUB holds it as a manifest item.
 */
record EmbeddedImage(String href, String mediaType, byte[] bytes) {

    /** What EPUB 3 calls a core media type and openhtmltopdf draws (through ImageIO). */
    static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            default -> null;
        };
    }
}
