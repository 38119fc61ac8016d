package org.recto.ingest;

/**
 * Published after an article version is committed to the store; modules that derive data from
 * articles (references, search, rendering caches) listen to it.
 */
public record ArticlePublished(String doi, int version, boolean newArticle) {
}
