package org.recto.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.recto.article.StoredArticle;

/** What the landing page shows of the formats, and the files themselves for a module that sends them on. */
public interface ArticleFormats {

    /** The PDF and the EPUB of this version, each with its size once it is made. */
    List<AvailableFormat> available(String doi, int version, boolean latest);

    /**
     * The stored file of this version, made now (or by whoever is making it) if there is none yet.
     *
     * @throws IOException when it could not be made; the message says why, in words a reader can be shown
     */
    Path file(StoredArticle stored, FormatKind kind) throws IOException;
}
