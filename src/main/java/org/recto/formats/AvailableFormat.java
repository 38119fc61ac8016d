package org.recto.formats;

/**
 * A format of an article version as the landing page lists it.
 *
 * @param kind  PDF or EPUB
 * @param href  its path on the site ({@code /doi/{doi}/pdf}, with {@code ?version=N} for an earlier version)
 * @param bytes its size, or null while it is still being made (the link works: it is made on request)
 */
public record AvailableFormat(FormatKind kind, String href, Long bytes) {

    /** "1.2 MB", "340 kB"; null while the size is not known. */
    public String size() {
        if (bytes == null) {
            return null;
        }
        if (bytes >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return Math.max(1, Math.round(bytes / 1e3)) + " kB";
    }
}
