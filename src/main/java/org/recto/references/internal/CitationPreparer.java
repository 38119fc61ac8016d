package org.recto.references.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.recto.article.ArticlePublished;
import org.recto.article.ArticleVersions;
import org.recto.article.CitationSource;
import org.recto.article.DoiChunks;
import org.recto.article.Reference;
import org.recto.references.Citation;
import org.recto.references.CitationsPrepared;
import org.recto.references.Field;
import org.recto.references.Identifiers;
import org.recto.references.NoteResolver;
import org.recto.references.ParsedReference;
import org.recto.references.ReferenceParser;
import org.recto.references.ResolvedNote;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The references module's work at publish time: parse the version's references and resolve its notes
 * once (the parser never runs on a page request), store the result, and, for a latest version, put what
 * it cites into the citation index. Runs after the import has committed, through the event publication
 * registry, so a failure here never undoes an import and is retried.
 */
@Component
class CitationPreparer {

    private final ArticleVersions versions;
    private final ReferenceParser parser;
    private final NoteResolver resolver;
    private final ParsedCitationStore store;
    private final CitationIndex index;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CitationPreparer(ArticleVersions versions, ReferenceParser parser, NoteResolver resolver, ParsedCitationStore store,
                     CitationIndex index, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.versions = versions;
        this.parser = parser;
        this.resolver = resolver;
        this.store = store;
        this.index = index;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * One transaction per attempt: two deliveries of one version (a resubmission, a reindex during an
     * import) can race to insert the same rows, and the loser's transaction is spoilt; its next attempt
     * finds the winner's rows and replaces them.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ArticlePublished published) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status ->
                        versions.citationSource(published.doi(), published.version()).ifPresent(this::prepare));
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    void prepare(CitationSource source) {
        List<ParsedReference> references = source.references().stream().map(this::parse).toList();
        List<ResolvedNote> notes = source.notes().isEmpty() ? List.of() : resolver.resolve(source.notes());
        store.save(source.doi(), source.version(), new PreparedCitations(notes, references));

        Set<String> affected = new LinkedHashSet<>();
        if (source.isLatest()) {
            // What it cited before and cites now: both pages' cited-by lists may change.
            affected.addAll(index.platformWorks(index.citedKeys(source.doi())));
            List<CitationIndex.CitedKey> keys = keys(source, references, notes);
            index.registerWork(source.doi(), source.titleText(), source.year(), source.firstAuthor());
            index.replaceCitations(source.doi(), keys);
            affected.addAll(index.platformWorks(keys));
            affected.addAll(index.citing(source.doi()));
            affected.remove(source.doi());
        }
        for (List<String> dois : DoiChunks.of(affected)) {
            events.publishEvent(new CitationsPrepared(source.doi(), source.version(), Set.copyOf(dois)));
        }
    }

    /** A reference tagged in the JATS keeps its fields; only a free-text one goes to the parser. */
    private ParsedReference parse(Reference r) {
        ParsedReference structured = StructuredReferences.fields(r);
        return structured != null ? structured : parser.parse(r.rawText() == null ? "" : r.rawText());
    }

    private static List<CitationIndex.CitedKey> keys(CitationSource source, List<ParsedReference> references,
                                                     List<ResolvedNote> notes) {
        List<CitationIndex.CitedKey> keys = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Reference r = source.references().get(i);
            String doi = r.doi() == null ? null : Identifiers.normalizeDoi(r.doi()).orElse(null);
            String title = r.articleTitle() != null ? r.articleTitle() : r.source();
            if (doi != null || title != null) {
                keys.add(new CitationIndex.CitedKey(doi, CitationKeys.title(title), CitationKeys.year(r.year()),
                        r.authors().isEmpty() ? null : CitationKeys.firstAuthor(r.authors().get(0))));
            } else {
                ParsedReference parsed = references.get(i);
                keys.add(CitationIndex.CitedKey.of(parsed.doi().orElse(null), parsed));
            }
        }
        for (ResolvedNote note : notes) {
            for (Citation c : note.citations()) {
                if (c.resolvesTo() == null) {
                    keys.add(CitationIndex.CitedKey.of(c.doi(), new ParsedReference(c.text(), shift(c))));
                }
            }
        }
        return keys;
    }

    /** A note citation's fields are positioned in the note; as a reference of its own they start at 0. */
    private static List<Field> shift(Citation c) {
        return c.fields().stream()
                .map(f -> new Field(f.label(), f.text(), f.start() - c.start(), f.end() - c.start()))
                .filter(f -> f.start() >= 0 && f.end() <= c.text().length())
                .toList();
    }
}
