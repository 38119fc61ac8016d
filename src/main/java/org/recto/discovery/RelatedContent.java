package org.recto.discovery;

import java.util.List;
import java.util.Optional;

/** The related content of an article, as computed when its latest version was published. */
public interface RelatedContent {

    /** Empty until the article's related content has been computed. */
    Optional<Related> of(String doi);

    /** Concepts (most characteristic first) and similar articles (most related first). */
    record Related(List<String> concepts, List<SimilarArticle> articles) {
        public Related {
            concepts = List.copyOf(concepts);
            articles = List.copyOf(articles);
        }
    }

    /** An article on the platform like this one; {@code score} in (0, 1], 1 for the most similar. */
    record SimilarArticle(String doi, String title, double score) {
    }
}
