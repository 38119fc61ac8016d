package org.recto.article;

import java.util.List;
import java.util.Optional;

/** The files a version was imported with (its package), for the pages, the PDF and the EPUB. */
public interface ArticleFiles {

    /** The file as imported, by the name the XML gives it. */
    Optional<ArticleFile> find(String doi, int version, String name);

    /** A PNG of the image a browser can show (at most {@link #WEB_WIDTH} px wide), for a TIFF; empty otherwise. */
    Optional<ArticleFile> webRendition(String doi, int version, String name);

    /** Whether the file has a web rendition (so a page can point at it without reading bytes). */
    boolean hasWebRendition(String doi, int version, String name);

    /** The names of the version's files, in name order. */
    List<String> names(String doi, int version);

    /** The latest version of the DOI (whose files a link without a version means), if the DOI is stored. */
    java.util.OptionalInt latestVersion(String doi);

    int WEB_WIDTH = 1600;
}
