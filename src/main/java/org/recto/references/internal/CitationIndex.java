package org.recto.references.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.recto.references.ParsedReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who cites what on the platform: every citation of every article's latest version, by the DOI it
 * gives or else by title, year and first author; and the platform's own articles under the same keys.
 */
@Repository
public class CitationIndex {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CitationIndex(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** What identifies one cited work. */
    public record CitedKey(String doi, String titleKey, Integer year, String authorKey) {

        public static CitedKey of(String doi, ParsedReference parsed) {
            String title = parsed.first("title").orElse(null);
            String authors = parsed.first("author").orElse(parsed.first("editor").orElse(null));
            return new CitedKey(doi, CitationKeys.title(title),
                    CitationKeys.year(parsed.first("date").orElse(null)), CitationKeys.firstAuthor(authors));
        }

        boolean identifies() {
            return doi != null || titleKey != null;
        }
    }

    /** Replaces what an article cites. */
    @Transactional
    public void replaceCitations(String citingDoi, List<CitedKey> cited) {
        String key = citingDoi.toLowerCase(Locale.ROOT);
        jdbc.sql("delete from citation_index where citing_doi_key = ?").param(key).update();
        List<Object[]> rows = new ArrayList<>();
        for (CitedKey c : cited) {
            if (c.identifies()) {
                rows.add(new Object[] {key, citingDoi, rows.size(),
                        c.doi() == null ? null : truncate(c.doi().toLowerCase(Locale.ROOT), 300),
                        c.titleKey(), c.year(), truncate(c.authorKey(), 200)});
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into citation_index (citing_doi_key, citing_doi, seq, cited_doi_key, title_key, pub_year, author_key)
                    values (?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /** Records a platform article under the keys a citation may name it by. */
    @Transactional
    public void registerWork(String doi, String title, Integer year, String firstAuthorSurname) {
        String key = doi.toLowerCase(Locale.ROOT);
        String titleKey = CitationKeys.title(title);
        jdbc.sql("delete from cited_work where doi_key = ?").param(key).update();
        jdbc.sql("insert into cited_work (doi_key, doi, title_key, pub_year, author_key) values (?, ?, ?, ?, ?)")
                .params(key, doi, titleKey == null ? "" : titleKey, year,
                        truncate(CitationKeys.firstAuthor(firstAuthorSurname), 200))
                .update();
    }

    /**
     * The DOIs of the articles that cite this one: by its DOI, or by its title with a matching year or author.
     * Two indexed lookups joined by UNION: one OR across the two keys would read the whole index.
     */
    @Transactional(readOnly = true)
    public List<String> citing(String doi) {
        String key = doi.toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                select c.citing_doi from citation_index c
                where c.cited_doi_key = :doi and c.citing_doi_key <> :doi
                union
                select c.citing_doi from cited_work w
                join citation_index c on c.title_key = w.title_key and c.cited_doi_key is null
                    and (c.pub_year = w.pub_year or c.author_key = w.author_key)
                where w.doi_key = :doi and w.title_key <> '' and c.citing_doi_key <> :doi
                """)
                .param("doi", key)
                .query(String.class)
                .list();
    }

    /** What an article's latest version cites, as the index holds it. */
    @Transactional(readOnly = true)
    public List<CitedKey> citedKeys(String citingDoi) {
        return jdbc.sql("select cited_doi_key, title_key, pub_year, author_key from citation_index where citing_doi_key = ?")
                .param(citingDoi.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new CitedKey(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4)))
                .list();
    }

    /**
     * The DOIs of the platform's articles these citations name: by DOI, or by title with year or author.
     * Two indexed IN lookups, matched here, so the plan never depends on the database's choice of join order.
     */
    @Transactional(readOnly = true)
    public Set<String> platformWorks(Collection<CitedKey> cited) {
        Set<String> found = new HashSet<>();
        List<String> dois = cited.stream().map(CitedKey::doi).filter(d -> d != null)
                .map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
        for (List<String> chunk : chunks(dois)) {
            found.addAll(jdbc.sql("select doi from cited_work where doi_key in (:keys)").param("keys", chunk)
                    .query(String.class).list());
        }
        List<CitedKey> byTitle = cited.stream().filter(c -> c.doi() == null && c.titleKey() != null).toList();
        List<String> titles = byTitle.stream().map(CitedKey::titleKey).distinct().toList();
        for (List<String> chunk : chunks(titles)) {
            jdbc.sql("select doi, title_key, pub_year, author_key from cited_work where title_key in (:titles)")
                    .param("titles", chunk)
                    .query(rs -> {
                        String title = rs.getString(2);
                        Integer year = (Integer) rs.getObject(3);
                        String author = rs.getString(4);
                        if (byTitle.stream().anyMatch(c -> c.titleKey().equals(title)
                                && (Objects.equals(c.year(), year) && year != null
                                    || Objects.equals(c.authorKey(), author) && author != null))) {
                            found.add(rs.getString(1));
                        }
                    });
        }
        return found;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            chunks.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return chunks;
    }

    /** The platform article a DOI-less reference names by title, year or author, if one does. */
    @Transactional(readOnly = true)
    public Optional<String> platformWork(ParsedReference parsed) {
        CitedKey key = CitedKey.of(null, parsed);
        if (key.titleKey() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select doi from cited_work
                where title_key = ? and (pub_year = ? or author_key = ?)
                """)
                .params(key.titleKey(), key.year(), key.authorKey())
                .query(String.class)
                .list().stream().findFirst();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
