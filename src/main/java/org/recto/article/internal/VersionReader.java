package org.recto.article.internal;

import java.util.List;
import java.util.Optional;

import org.recto.article.Article;
import org.recto.article.ArticleVersions;
import org.recto.article.CitationSource;
import org.recto.article.Contributor;
import org.recto.article.Html;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The narrow reads of {@link ArticleVersions}: a few columns and the back matter, never a whole article. */
@Repository
@Transactional(readOnly = true)
class VersionReader implements ArticleVersions {

    private final JdbcClient jdbc;
    private final RecentVersions recent;

    VersionReader(JdbcClient jdbc, RecentVersions recent) {
        this.jdbc = jdbc;
        this.recent = recent;
    }

    private record Head(long versionId, String doi, int version, int latest, String titleHtml, Integer year) {
    }

    /** A version this node has just stored comes from memory with its latest version number; any other from the store. */
    @Override
    public Optional<CitationSource> citationSource(String doi, int version) {
        Optional<Article> parsed = recent.get(doi, version);
        return parsed.isPresent() ? citationSource(doi, version, parsed.get()) : load(doi, version);
    }

    private Optional<CitationSource> citationSource(String doi, int version, Article a) {
        return jdbc.sql("""
                select a.doi, a.latest_version, v.pub_year
                from article a join article_version v on v.article_id = a.id
                where a.doi_key = ? and v.version = ?
                """)
                .params(DoiKeys.key(doi), version)
                .query((rs, n) -> new CitationSource(rs.getString(1), version, rs.getInt(2), Html.toText(a.titleHtml()),
                        (Integer) rs.getObject(3), firstAuthor(a), a.back().notes(), a.back().references()))
                .optional();
    }

    /** As {@link #firstAuthor(long)} gives it, from the article in memory. */
    private static String firstAuthor(Article a) {
        return a.authors().stream().findFirst()
                .map(c -> c.surname() != null ? c.surname()
                        : new Contributor("author", null, c.givenNames(), c.prefix(), c.suffix(), c.collab(), null, null,
                                List.of(), List.of(), false, false, false).displayName())
                .orElse(null);
    }

    /** The version's citation source read from the store's tables, never from memory. */
    Optional<CitationSource> load(String doi, int version) {
        return jdbc.sql("""
                select v.id, a.doi, v.version, a.latest_version, v.title_html, v.pub_year
                from article a join article_version v on v.article_id = a.id
                where a.doi_key = ? and v.version = ?
                """)
                .params(DoiKeys.key(doi), version)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        (Integer) rs.getObject(6)))
                .optional()
                .map(h -> new CitationSource(h.doi(), h.version(), h.latest(), Html.toText(h.titleHtml()), h.year(),
                        firstAuthor(h.versionId()), BackMatterRows.notes(jdbc, h.versionId()),
                        BackMatterRows.references(jdbc, h.versionId())));
    }

    /** The first author's surname, or the whole name of a collaboration. */
    private String firstAuthor(long versionId) {
        return jdbc.sql("""
                select surname, given_names, prefix, suffix, collab from article_contributor
                where version_id = ? and role = 'author' order by seq fetch first 1 rows only
                """)
                .param(versionId)
                .query((rs, n) -> rs.getString(1) != null ? rs.getString(1)
                        : new Contributor("author", null, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), null, null, List.of(), List.of(), false, false, false).displayName())
                .optional()
                .orElse(null);
    }

    @Override
    public List<VersionKey> allVersions() {
        return jdbc.sql("""
                select a.doi, v.version, a.latest_version from article a join article_version v on v.article_id = a.id
                order by a.doi_key, v.version
                """)
                .query((rs, n) -> new VersionKey(rs.getString(1), rs.getInt(2), rs.getInt(2) == rs.getInt(3)))
                .list();
    }
}
