package org.recto.article;

import java.util.List;

/**
 * An article version was committed to the store, or (with {@code reindex}) is announced again so
 * that every module rebuilds what it derives from it. Published by the store inside the saving
 * transaction and delivered through the event publication registry once it commits, so a listener
 * that fails is retried and none is lost.
 *
 * @param doi        the article's DOI as stored
 * @param version    the version committed (1-based)
 * @param newArticle the DOI was new to the store
 * @param linkedDois the DOIs this version links to as related articles (the article a correction
 *                   corrects, …), so that listeners can refresh those pages without reading the article
 * @param reindex    announced again by {@code recto.jar reindex}, not newly stored
 */
public record ArticlePublished(String doi, int version, boolean newArticle, List<String> linkedDois, boolean reindex) {

    public ArticlePublished {
        linkedDois = linkedDois == null ? List.of() : List.copyOf(linkedDois);
    }
}
