package org.recto.article.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recto.article.JournalMeta;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the journal an article's {@code journal-meta} names (table {@code journal_identity},
 * migration V10_1): by any of its ISSNs, else by its typed journal ids with its title. The URL key a new
 * journal gets is the one the article proposes (the publisher's id, as before), unless another journal
 * holds it: then the NLM abbreviation, an ISSN or the title, so PLoS Medicine and PLoS ONE, both
 * {@code publisher-id="plos"}, get keys of their own and the demo and seed journals keep theirs.
 */
@Component
class JournalDirectory {

    private final JdbcClient jdbc;

    JournalDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long upsert(JournalMeta journal) {
        List<String> identities = identities(journal);
        String title = blank(journal.title()) ? proposedKey(journal) : journal.title().strip();
        Optional<Long> id = find(identities).or(() -> unclaimedLegacy(proposedKey(journal)));
        if (id.isPresent()) {
            // The newest import says what the journal is called now. Only a change is written: an update locks
            // the journal's row until the import commits, and every other import of the journal would wait for it.
            jdbc.sql("""
                    update journal set title = ?, issn_print = coalesce(?, issn_print),
                        issn_electronic = coalesce(?, issn_electronic), publisher = coalesce(?, publisher)
                    where id = ? and not (title = ? and coalesce(issn_print, '') = coalesce(?, issn_print, '')
                        and coalesce(issn_electronic, '') = coalesce(?, issn_electronic, '')
                        and coalesce(publisher, '') = coalesce(?, publisher, ''))
                    """)
                    .params(title, journal.issnPrint(), journal.issnElectronic(), journal.publisher(), id.get(),
                            title, journal.issnPrint(), journal.issnElectronic(), journal.publisher())
                    .update();
            remember(id.get(), identities);
            return id.get();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into journal (journal_key, title, issn_print, issn_electronic, publisher) values (?, ?, ?, ?, ?)")
                .params(freeKey(journal), title, journal.issnPrint(), journal.issnElectronic(), journal.publisher())
                .update(keys, "id");
        long created = keys.getKey().longValue();
        remember(created, identities);
        return created;
    }

    /**
     * What identifies the journal, strongest first: its ISSNs, then its typed ids with its title (which
     * also finds, for a file with ISSNs, the journal that earlier files without them created).
     */
    static List<String> identities(JournalMeta journal) {
        Set<String> identities = new LinkedHashSet<>();
        for (String issn : new String[] {journal.issnPrint(), journal.issnElectronic()}) {
            if (!blank(issn)) {
                identities.add("issn:" + issn.strip().toUpperCase(Locale.ROOT));
            }
        }
        StringBuilder ids = new StringBuilder("ids:");
        journal.ids().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ids.append(e.getKey()).append('=').append(e.getValue().strip()).append(';'));
        String name = blank(journal.title()) ? "" : journal.title().strip().replaceAll("\\s+", " ");
        String identity = (ids + "|title:" + name).toLowerCase(Locale.ROOT);
        identities.add(identity.length() > 1500 ? identity.substring(0, 1500) : identity);
        return List.copyOf(identities);
    }

    private Optional<Long> find(List<String> identities) {
        for (String identity : identities) {
            Optional<Long> id = jdbc.sql("select journal_id from journal_identity where identity = ?")
                    .param(identity).query(Long.class).optional();
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** A journal stored before journals had identities, without an ISSN to carry over: found by its key once. */
    private Optional<Long> unclaimedLegacy(String key) {
        return jdbc.sql("""
                select j.id from journal j
                where j.journal_key = ? and not exists (select 1 from journal_identity i where i.journal_id = j.id)
                """).param(key).query(Long.class).optional();
    }

    private void remember(long journalId, List<String> identities) {
        for (String identity : identities) {
            jdbc.sql("""
                    insert into journal_identity (identity, journal_id)
                    select ?, ? where not exists (select 1 from journal_identity where identity = ?)
                    """).params(identity, journalId, identity).update();
        }
    }

    private String freeKey(JournalMeta journal) {
        List<String> candidates = new ArrayList<>();
        candidates.add(proposedKey(journal));
        journal.ids().values().forEach(v -> candidates.add(slug(v)));
        for (String issn : new String[] {journal.issnElectronic(), journal.issnPrint()}) {
            if (!blank(issn)) {
                candidates.add(issn.strip());
            }
        }
        if (!blank(journal.title())) {
            candidates.add(slug(journal.title()));
        }
        for (String candidate : candidates) {
            if (!candidate.isEmpty() && !taken(candidate)) {
                return candidate;
            }
        }
        String base = proposedKey(journal);
        for (int n = 2; ; n++) {
            if (!taken(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /** Keys that differ only in case ({@code plos}, {@code PLoS}) would be one journal to a reader. */
    private boolean taken(String key) {
        return jdbc.sql("select count(*) from journal where lower(journal_key) = lower(?)").param(key).query(Integer.class).single() > 0;
    }

    private static String proposedKey(JournalMeta journal) {
        return blank(journal.key()) ? "journal" : journal.key().strip();
    }

    /** "PLoS Med" as {@code PLoS-Med}: readable in a URL, encoded only where it must be. */
    private static String slug(String s) {
        String slug = s.strip().replaceAll("\\s+", "-");
        return slug.length() > 200 ? slug.substring(0, 200) : slug;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
