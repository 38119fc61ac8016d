package org.recto.references.internal;

import java.util.ArrayList;
import java.util.List;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.Contributor;
import org.recto.article.PubDate;
import org.recto.article.StoredArticle;
import org.recto.ingest.ArticlePublished;
import org.recto.article.Reference;
import org.recto.references.Citation;
import org.recto.references.Identifiers;
import org.recto.references.NoteResolver;
import org.recto.references.ParsedReference;
import org.recto.references.ReferenceParser;
import org.recto.references.ResolvedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the citation index current: when an article version is published, its own keys and what it
 * cites replace the earlier ones. Runs after the import has committed, in a transaction of its own, so
 * that a problem here never undoes an import; the index can be rebuilt from the store.
 */
@Component
class CitationIndexer {

    private static final Logger log = LoggerFactory.getLogger(CitationIndexer.class);

    private final ArticleCatalog catalog;
    private final ReferenceParser parser;
    private final NoteResolver resolver;
    private final CitationIndex index;

    CitationIndexer(ArticleCatalog catalog, ReferenceParser parser, NoteResolver resolver, CitationIndex index) {
        this.catalog = catalog;
        this.parser = parser;
        this.resolver = resolver;
        this.index = index;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ArticlePublished published) {
        try {
            catalog.find(published.doi(), published.version()).ifPresent(this::index);
        } catch (RuntimeException e) {
            log.error("Could not index the citations of {} version {}", published.doi(), published.version(), e);
        }
    }

    void index(StoredArticle stored) {
        Article a = stored.article();
        PubDate date = a.publicationDate();
        List<Contributor> authors = a.authors();
        index.registerWork(a.doi(), a.titleText(), date == null ? null : date.year(),
                authors.isEmpty() ? null : authors.get(0).surname() != null ? authors.get(0).surname()
                        : authors.get(0).displayName());

        // Only the keys are needed here, so tagged references are not parsed and nothing is linked;
        // the page makes the full, linked view when it is first asked for.
        List<CitationIndex.CitedKey> keys = new ArrayList<>();
        for (Reference r : a.back().references()) {
            String doi = r.doi() == null ? null : Identifiers.normalizeDoi(r.doi()).orElse(null);
            String title = r.articleTitle() != null ? r.articleTitle() : r.source();
            if (doi != null || title != null) {
                keys.add(new CitationIndex.CitedKey(doi, CitationKeys.title(title), CitationKeys.year(r.year()),
                        r.authors().isEmpty() ? null : CitationKeys.firstAuthor(r.authors().get(0))));
            } else {
                ParsedReference parsed = parser.parse(r.rawText() == null ? "" : r.rawText());
                keys.add(CitationIndex.CitedKey.of(parsed.doi().orElse(null), parsed));
            }
        }
        List<ResolvedNote> notes = a.back().notes().isEmpty() ? List.of() : resolver.resolve(a.back().notes());
        for (ResolvedNote note : notes) {
            for (Citation c : note.citations()) {
                if (c.resolvesTo() == null) {
                    keys.add(CitationIndex.CitedKey.of(c.doi(),
                            new ParsedReference(c.text(), shift(c))));
                }
            }
        }
        index.replaceCitations(a.doi(), keys);
    }

    /** A note citation's fields are positioned in the note; as a reference of its own they start at 0. */
    private static List<org.recto.references.Field> shift(Citation c) {
        return c.fields().stream()
                .map(f -> new org.recto.references.Field(f.label(), f.text(), f.start() - c.start(), f.end() - c.start()))
                .filter(f -> f.start() >= 0 && f.end() <= c.text().length())
                .toList();
    }
}
