package org.recto.site.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.Article;
import org.recto.article.Reference;
import org.recto.references.ArticleCitations;
import org.recto.references.Citation;
import org.recto.references.Field;
import org.recto.references.LinkedReference;
import org.recto.references.ResolvedNote;

/**
 * The works an article cites, for its meta tags and JSON-LD: each entry of the reference list and each full
 * reference in its notes (not "Ibid." and the short forms pointing back at one), with the parsed fields
 * and the DOI where the JATS or the reference parser found one.
 */
final class ReferenceMetadata {

    /** One cited work: its text, its fields by Highwire name, its DOI (or null). */
    record CitedWork(String text, Map<String, List<String>> fields, String doi) {
    }

    private static final Map<String, String> HIGHWIRE = Map.of("author", "citation_author", "title", "citation_title",
            "journal", "citation_journal_title", "container-title", "citation_journal_title", "date", "citation_publication_date",
            "volume", "citation_volume", "issue", "citation_issue", "pages", "citation_firstpage", "publisher", "citation_publisher");

    private ReferenceMetadata() {
    }

    static List<CitedWork> of(Article a, ArticleCitations cited) {
        List<CitedWork> works = new ArrayList<>();
        if (cited == null) {
            for (Reference r : a.back().references()) {
                works.add(new CitedWork(r.rawText(), Map.of(), r.doi()));
            }
            return works;
        }
        for (LinkedReference r : cited.references()) {
            works.add(new CitedWork(r.rawText(), fields(r.parsed().fields()), r.doi()));
        }
        for (ResolvedNote n : cited.notes()) {
            for (Citation c : n.citations()) {
                if (!c.isResolved()) {
                    works.add(new CitedWork(c.text(), fields(c.fields()), c.doi()));
                }
            }
        }
        return works;
    }

    private static Map<String, List<String>> fields(List<Field> fields) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : fields) {
            String name = HIGHWIRE.get(f.label());
            String value = f.value();
            if (name != null && value != null && !value.isBlank()) {
                List<String> values = out.computeIfAbsent(name, k -> new ArrayList<>());
                if (name.equals("citation_author") || values.isEmpty()) {
                    values.add(value.strip());
                }
            }
        }
        return out;
    }

    /**
     * A {@code citation_reference} as Highwire publishers write it ("citation_author=…; citation_title=…;
     * citation_doi=…"); the text as written when the parse found no title or source.
     */
    static String highwire(CitedWork w) {
        boolean structured = w.fields().containsKey("citation_title") || w.fields().containsKey("citation_journal_title");
        if (!structured) {
            return w.doi() == null || w.text().contains(w.doi()) ? w.text() : w.text() + " doi:" + w.doi();
        }
        List<String> parts = new ArrayList<>();
        w.fields().forEach((name, values) -> values.forEach(v -> parts.add(name + "=" + v.replace(';', ','))));
        if (w.doi() != null) {
            parts.add("citation_doi=" + w.doi());
        }
        return String.join("; ", parts);
    }
}
