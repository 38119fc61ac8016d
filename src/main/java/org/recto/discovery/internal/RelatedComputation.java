package org.recto.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.recto.discovery.DiscoveryProperties;
import org.recto.discovery.RelatedContentChanged;
import org.recto.discovery.internal.SimilarArticles.Similar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Computes an article's concepts and similar articles when it is published, and refreshes the similar articles of
 * its neighbours (the new article may now belong in their lists, or an updated one no longer). Announces
 * {@link RelatedContentChanged} for the articles whose shown lists changed.
 */
@Component
class RelatedComputation {

    private final SearchIndex index;
    private final RelatedStore store;
    private final ApplicationEventPublisher events;
    private final DiscoveryProperties properties;

    RelatedComputation(SearchIndex index, RelatedStore store, ApplicationEventPublisher events,
                       DiscoveryProperties properties) {
        this.index = index;
        this.store = store;
        this.events = events;
        this.properties = properties;
    }

    /**
     * The article's own concepts and similar articles, then, with {@code neighbours}, its neighbours' similar
     * articles: those it is now like, and those it was like before (an updated version may no longer belong in
     * their lists). A reindex computes every article's own list, so it passes false.
     */
    synchronized void refresh(String doi, boolean refreshNeighbours) {
        String key = ArticleDocuments.key(doi);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> neighbours = new LinkedHashSet<>();
        store.similar(key).forEach(s -> neighbours.add(ArticleDocuments.key(s.doi())));
        Computed own = compute(key, true);
        if (own == null) {
            return;
        }
        if (store.save(key, own.version(), own.concepts(), own.similar())) {
            changed.add(doi);
        }
        own.similar().forEach(s -> neighbours.add(ArticleDocuments.key(s.doi())));
        if (!refreshNeighbours) {
            neighbours.clear();
        }
        for (String neighbour : neighbours) {
            if (store.version(neighbour).isEmpty()) {
                continue; // not computed yet: its own announcement will
            }
            Computed theirs = compute(neighbour, false);
            if (theirs != null && store.save(neighbour, store.version(neighbour).orElse(theirs.version()), null,
                    theirs.similar())) {
                changed.add(theirs.doi());
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new RelatedContentChanged(List.copyOf(changed)));
        }
    }

    private record Computed(String doi, int version, List<String> concepts, List<Similar> similar) {
    }

    private Computed compute(String key, boolean withConcepts) {
        try {
            return index.read((searcher, facets) -> {
                ScoreDoc[] self = searcher.search(new TermQuery(new Term(Fields.DOI_KEY, key)), 1).scoreDocs;
                if (self.length == 0) {
                    return null;
                }
                Document d = searcher.storedFields().document(self[0].doc);
                List<String> concepts = withConcepts
                        ? ConceptExtractor.concepts(d.get(Fields.TITLE), d.get(Fields.ABSTRACT), d.get(Fields.BODY),
                        properties.concepts())
                        : null;
                List<Similar> similar = SimilarArticles.of(searcher, index.analyzer(), key, properties.similarArticles(), true);
                return new Computed(d.get(Fields.DOI), d.getField(Fields.VERSION).numericValue().intValue(), concepts,
                        similar);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
