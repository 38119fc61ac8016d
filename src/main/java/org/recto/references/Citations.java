package org.recto.references;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.article.Reference;
import org.recto.article.StoredArticle;
import org.recto.references.internal.CitationIndex;
import org.recto.references.internal.ParsedCitationStore;
import org.recto.references.internal.PreparedCitations;
import org.springframework.stereotype.Service;

/**
 * An article's notes and references as structured, linked citations, and who on the platform cites
 * it. The parse is made once per version when it is published ({@code internal.CitationPreparer}).
 */
@Service
public class Citations {

    private final ParsedCitationStore parsed;
    private final ArticleCatalog catalog;
    private final CitationIndex index;

    Citations(ParsedCitationStore parsed, ArticleCatalog catalog, CitationIndex index) {
        this.parsed = parsed;
        this.catalog = catalog;
        this.index = index;
    }

    /**
     * The article version's notes (split, parsed, Ibid. and short forms resolved) and references (parsed,
     * linked to the platform's articles as they are now). Empty while the version's citations are still
     * being prepared after it was published: the parser never runs here.
     */
    public Optional<ArticleCitations> of(StoredArticle stored) {
        return parsed.find(stored.article().doi(), stored.version()).map(p -> link(stored, p));
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

    private ArticleCitations link(StoredArticle stored, PreparedCitations prepared) {
        Article a = stored.article();
        List<Reference> refs = a.back().references();
        if (prepared.references().size() != refs.size()) {
            throw new IllegalStateException("the stored parse of " + a.doi() + " v" + stored.version()
                    + " does not match its reference list; run recto.jar reindex");
        }
        Set<String> dois = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            doiOf(refs.get(i), prepared.references().get(i)).ifPresent(d -> dois.add(d.toLowerCase(Locale.ROOT)));
        }
        prepared.notes().forEach(n -> n.citations().forEach(c -> {
            if (c.doi() != null) {
                dois.add(c.doi().toLowerCase(Locale.ROOT));
            }
        }));
        Set<String> onPlatform = new HashSet<>();
        catalog.summaries(dois).forEach(s -> onPlatform.add(s.doi().toLowerCase(Locale.ROOT)));

        List<LinkedReference> references = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            ParsedReference p = prepared.references().get(i);
            String doi = doiOf(r, p).orElse(null);
            String platformDoi = doi != null && onPlatform.contains(doi.toLowerCase(Locale.ROOT)) ? doi
                    : doi == null ? index.platformWork(p).orElse(null) : null;
            references.add(new LinkedReference(r.id(), r.label(), p.text(), p, doi,
                    r.url() != null ? r.url() : p.url().orElse(null), p.isbn().orElse(null), platformDoi));
        }
        return new ArticleCitations(a.doi(), stored.version(), prepared.notes(), references, onPlatform);
    }

    private static Optional<String> doiOf(Reference r, ParsedReference p) {
        if (r.doi() != null && !r.doi().isBlank()) {
            return Identifiers.normalizeDoi(r.doi());
        }
        return p.doi();
    }
}
