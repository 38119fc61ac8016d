package org.recto.references;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.article.Reference;
import org.recto.article.StoredArticle;
import org.recto.references.internal.CitationIndex;
import org.recto.references.internal.StructuredReferences;
import org.springframework.stereotype.Service;

/**
 * An article's notes and references as structured, linked citations, and who on the platform cites
 * it. Results are kept per article version, which never changes once stored.
 */
@Service
public class Citations {

    private final ReferenceParser parser;
    private final NoteResolver resolver;
    private final ArticleCatalog catalog;
    private final CitationIndex index;
    private final Map<String, ArticleCitations> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArticleCitations> eldest) {
            return size() > 500;
        }
    };

    Citations(ReferenceParser parser, NoteResolver resolver, ArticleCatalog catalog, CitationIndex index) {
        this.parser = parser;
        this.resolver = resolver;
        this.catalog = catalog;
        this.index = index;
    }

    /** The article version's notes (split, parsed, Ibid. and short forms resolved) and references (parsed, linked). */
    public ArticleCitations of(StoredArticle stored) {
        String key = stored.article().doi().toLowerCase(Locale.ROOT) + "#" + stored.version();
        synchronized (cache) {
            ArticleCitations cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ArticleCitations made = make(stored);
        synchronized (cache) {
            cache.put(key, made);
        }
        return made;
    }

    /** The articles on the platform whose references or notes cite this DOI, newest first. */
    public List<ArticleSummary> citedBy(String doi) {
        return catalog.summaries(index.citing(doi)).stream()
                .sorted((a, b) -> Integer.compare(year(b), year(a)))
                .toList();
    }

    private static int year(ArticleSummary s) {
        return s.publicationDate() == null || s.publicationDate().year() == null ? 0 : s.publicationDate().year();
    }

    private ArticleCitations make(StoredArticle stored) {
        Article a = stored.article();
        List<ResolvedNote> notes = resolver.resolve(a.back().notes());
        List<ParsedReference> parsed = new ArrayList<>();
        Set<String> dois = new HashSet<>();
        for (Reference r : a.back().references()) {
            ParsedReference p = parse(r);
            parsed.add(p);
            doiOf(r, p).ifPresent(d -> dois.add(d.toLowerCase(Locale.ROOT)));
        }
        notes.forEach(n -> n.citations().forEach(c -> {
            if (c.doi() != null) {
                dois.add(c.doi().toLowerCase(Locale.ROOT));
            }
        }));
        Set<String> onPlatform = new HashSet<>();
        catalog.summaries(dois).forEach(s -> onPlatform.add(s.doi().toLowerCase(Locale.ROOT)));

        List<LinkedReference> references = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Reference r = a.back().references().get(i);
            ParsedReference p = parsed.get(i);
            String doi = doiOf(r, p).orElse(null);
            String platformDoi = doi != null && onPlatform.contains(doi.toLowerCase(Locale.ROOT)) ? doi
                    : doi == null ? index.platformWork(p).orElse(null) : null;
            references.add(new LinkedReference(r.id(), r.label(), p.text(), p, doi,
                    r.url() != null ? r.url() : p.url().orElse(null), p.isbn().orElse(null), platformDoi));
        }
        return new ArticleCitations(a.doi(), stored.version(), notes, references, onPlatform);
    }

    ParsedReference parse(Reference r) {
        ParsedReference structured = StructuredReferences.fields(r);
        return structured != null ? structured : parser.parse(r.rawText() == null ? "" : r.rawText());
    }

    private static Optional<String> doiOf(Reference r, ParsedReference p) {
        if (r.doi() != null && !r.doi().isBlank()) {
            return Identifiers.normalizeDoi(r.doi());
        }
        return p.doi();
    }
}
