package org.recto.interop.oai;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleChanges;
import org.recto.article.Journal;

/**
 * The repository's sets: {@code journal} with one {@code journal:KEY} per journal, and {@code type} with
 * one {@code type:TYPE} per JATS article type (research-article, correction, …), so a harvester can take
 * one journal, or only the corrections. Characters a setSpec may not hold become {@code _}; a setSpec is
 * resolved by matching it against the current journals and types, so the mapping need not be reversible.
 */
final class OaiSets {

    /** One set and the selection it stands for (both null for a parent set: everything). */
    record OaiSet(String spec, String name, String journalKey, String articleType) {
    }

    private final ArticleCatalog catalog;
    private final ArticleChanges changes;

    OaiSets(ArticleCatalog catalog, ArticleChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    List<OaiSet> all() {
        List<Journal> journals = catalog.journals();
        List<String> types = changes.articleTypes();
        List<OaiSet> sets = new ArrayList<>();
        if (!journals.isEmpty()) {
            sets.add(new OaiSet("journal", "Journals", null, null));
            journals.forEach(j -> sets.add(new OaiSet(journalSpec(j.key()), j.title(), j.key(), null)));
        }
        if (!types.isEmpty()) {
            sets.add(new OaiSet("type", "Article types", null, null));
            types.forEach(t -> sets.add(new OaiSet(typeSpec(t), "Article type: " + t, null, t)));
        }
        return sets;
    }

    Optional<OaiSet> find(String spec) {
        return all().stream().filter(s -> s.spec().equals(spec)).findFirst();
    }

    static String journalSpec(String key) {
        return "journal:" + safe(key);
    }

    static String typeSpec(String type) {
        return "type:" + safe(type);
    }

    /** A setSpec's part may hold only the URI's unreserved characters (and ! ~ * ' ( )). */
    private static String safe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0;
            out.append(ok ? c : '_');
        }
        return out.isEmpty() ? "_" : out.toString();
    }
}
