package org.recto.formats.internal;

import java.util.Optional;

import org.recto.article.ArticleFile;
import org.recto.article.ArticleFiles;

/**
 * The drawable image of a package file, by the name the XML gives it: the web rendition (PNG) of a TIFF, the file
 * itself when it is already a PNG, JPEG or GIF, else nothing (the figure then says its image is not available).
 */
@FunctionalInterface
interface PackageImages {

    PackageImages NONE = name -> Optional.empty();

    Optional<ArticleFile> image(String name);

    /** The stored files of one version; none when the application has no store at hand (a command-line tool). */
    static PackageImages of(ArticleFiles files, String doi, int version) {
        if (files == null) {
            return NONE;
        }
        return name -> files.webRendition(doi, version, name)
                .or(() -> files.find(doi, version, name).filter(f -> EmbeddedImage.extension(f.mediaType()) != null));
    }
}
