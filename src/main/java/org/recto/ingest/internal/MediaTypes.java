package org.recto.ingest.internal;

import java.util.Locale;
import java.util.Map;

/** The media type of a package file, by its extension (what the XML's mimetype attributes mean, but reliable). */
final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("tif", "image/tiff"), Map.entry("tiff", "image/tiff"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"), Map.entry("csv", "text/csv"), Map.entry("txt", "text/plain"),
            Map.entry("xml", "application/xml"), Map.entry("zip", "application/zip"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("doc", "application/msword"), Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"),
            Map.entry("avi", "video/x-msvideo"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"));

    private MediaTypes() {
    }

    static String of(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
