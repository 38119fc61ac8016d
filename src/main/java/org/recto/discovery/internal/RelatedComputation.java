package org.recto.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.recto.article.DoiChunks;
import org.recto.discovery.DiscoveryProperties;
import org.recto.discovery.RelatedContentChanged;
import org.recto.discovery.internal.SimilarArticles.Similar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Computes an article's concepts and similar articles when it is published, and marks its neighbours' lists to be
 * computed again (the new article may now belong in their lists, or an updated one no longer), which
 * {@link NeighbourRefresh} does in the background, so that the new article's own list is not kept waiting by its
 * neighbours'. Announces {@link RelatedContentChanged} for the articles whose shown lists changed.
 */
@Component
class RelatedComputation {

    private final SearchIndex index;
    private final RelatedStore store;
    private final ApplicationEventPublisher events;
    private final DiscoveryProperties properties;
    private volatile Runnable marked = () -> { };

    RelatedComputation(SearchIndex index, RelatedStore store, ApplicationEventPublisher events,
                       DiscoveryProperties properties) {
        this.index = index;
        this.store = store;
        this.events = events;
        this.properties = properties;
    }

    /** Told after neighbours were marked (the background refresh counts the quiet time from there). */
    void onMarked(Runnable listener) {
        this.marked = listener;
    }

    /**
     * The article's own concepts and similar articles, now; with {@code markNeighbours}, its neighbours' lists are
     * marked to be computed again: those it is now like, and those it was like before (an updated version may no
     * longer belong in their lists). A reindex computes every article's own list, so it passes false.
     */
    void refresh(String doi, boolean markNeighbours) {
        String key = ArticleDocuments.key(doi);
        Set<String> neighbours = new LinkedHashSet<>();
        store.similar(key).forEach(s -> neighbours.add(ArticleDocuments.key(s.doi())));
        Computed own = compute(key, true);
        if (own == null) {
            return;
        }
        boolean changed = store.save(key, own.version(), own.concepts(), own.similar());
        if (changed) {
            events.publishEvent(new RelatedContentChanged(List.of(doi)));
        }
        if (markNeighbours) {
            own.similar().forEach(s -> neighbours.add(ArticleDocuments.key(s.doi())));
            neighbours.remove(key);
            if (!neighbours.isEmpty()) {
                store.markStale(neighbours);
                marked.run();
            }
        }
    }

    /**
     * Computes a neighbour's similar articles again and answers its DOI if what its page shows changed. A save that
     * meets another's uncommitted save of the same article waits for it ({@link RelatedStore#save}).
     */
    Optional<String> refreshNeighbour(String key) {
        Optional<Integer> version = store.version(key);
        if (version.isEmpty()) {
            return Optional.empty(); // not computed yet: its own announcement will
        }
        Computed theirs = compute(key, false);
        if (theirs == null) {
            return Optional.empty(); // no longer indexed
        }
        return store.save(key, version.get(), null, theirs.similar()) ? Optional.of(theirs.doi()) : Optional.empty();
    }

    void announce(List<String> changed) {
        if (!changed.isEmpty()) {
            DoiChunks.of(changed).forEach(dois -> events.publishEvent(new RelatedContentChanged(dois)));
        }
    }

    record Computed(String doi, int version, List<String> concepts, List<Similar> similar) {
    }

    /** The article's concepts (with {@code withConcepts}) and similar articles, from the index; null if not in it. */
    Computed compute(String key, boolean withConcepts) {
        try {
            return index.read((searcher, facets) -> {
                ScoreDoc[] self = searcher.search(new TermQuery(new Term(Fields.DOI_KEY, key)), 1).scoreDocs;
                if (self.length == 0) {
                    return null;
                }
                Document d = searcher.storedFields().document(self[0].doc);
                List<String> concepts = withConcepts
                        ? ConceptExtractor.concepts(d.get(Fields.TITLE), d.get(Fields.ABSTRACT),
                        BodyText.of(searcher.getIndexReader(), self[0].doc), properties.concepts())
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
