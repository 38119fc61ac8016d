package org.recto.ingest;

import java.util.List;

import org.recto.article.Article;
import org.recto.article.ArticleFile;

/**
 * A JATS document read for import ({@link JatsIngest#read}) and not stored yet: its article, or, if it could not
 * be read, the failed result that says why.
 */
public record ReadDocument(String source, byte[] xml, List<ArticleFile> files, Article article, IngestResult failure) {

    public ReadDocument {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
