package org.recto.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.recto.article.ArticleFile;
import org.recto.ingest.IngestResult;
import org.recto.ingest.JatsIngest;

/** A JATS package folder (the article's XML, named after the folder, and its files) given to the public ingest API. */
final class PackageFolder {

    private PackageFolder() {
    }

    static IngestResult ingest(JatsIngest ingest, Path folder) {
        Path xml = folder.resolve(folder.getFileName() + ".xml");
        List<ArticleFile> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path f : all.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!f.equals(xml) && !name.equals("README.md")) {
                    files.add(new ArticleFile(name, mediaType(name), Files.readAllBytes(f)));
                }
            }
            return ingest.ingestPackage(Files.readAllBytes(xml), xml.getFileName().toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mediaType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "tif", "tiff" -> "image/tiff";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "pdf" -> "application/pdf";
            case "xml" -> "application/xml";
            case "csv" -> "text/csv";
            default -> "application/octet-stream";
        };
    }
}
