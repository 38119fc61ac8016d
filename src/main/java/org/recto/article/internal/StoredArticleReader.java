package org.recto.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleId;
import org.recto.article.ArticleSummary;
import org.recto.article.AuthorNote;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Contributor;
import org.recto.article.IssueRef;
import org.recto.article.Journal;
import org.recto.article.JournalMeta;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.Relation;
import org.recto.article.StoredArticle;
import org.recto.article.SubjectGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads articles back from the store: a whole version for the pages, summaries for lists and reports. */
@Repository
@Transactional(readOnly = true)
class StoredArticleReader implements ArticleCatalog {

    private static final String SUMMARY_SELECT = """
            select a.doi, v.article_type, v.title_html, v.volume, v.issue, v.first_page, v.last_page,
                   v.elocation_id, v.pub_year, v.pub_month, v.pub_day, v.version, v.id as version_id,
                   j.journal_key, j.title as journal_title, j.issn_print, j.issn_electronic, j.publisher
            from article a
            join article_version v on v.article_id = a.id and v.version = a.latest_version
            join journal j on j.id = a.journal_id
            """;

    private final JdbcClient jdbc;
    private final RecentVersions recent;

    StoredArticleReader(JdbcClient jdbc, RecentVersions recent) {
        this.jdbc = jdbc;
        this.recent = recent;
    }

    @Override
    public Optional<StoredArticle> find(String doi) {
        return jdbc.sql("select latest_version from article where doi_key = ?")
                .param(DoiKeys.key(doi))
                .query(Integer.class)
                .optional()
                .flatMap(latest -> find(doi, latest));
    }

    /**
     * A version this node has just stored comes from memory ({@link RecentVersions}) with the few columns that can
     * have changed since (the latest version, the journal's row); any other from the store's tables.
     */
    @Override
    public Optional<StoredArticle> find(String doi, int version) {
        Optional<Article> parsed = recent.get(doi, version);
        return parsed.isPresent() ? head(doi, version, parsed.get()) : load(doi, version);
    }

    private Optional<StoredArticle> head(String doi, int version, Article parsed) {
        return jdbc.sql("""
                select a.doi, a.latest_version, v.imported_at, j.journal_key, j.title, j.issn_print, j.issn_electronic,
                       j.publisher
                from article a
                join article_version v on v.article_id = a.id
                join journal j on j.id = a.journal_id
                where a.doi_key = ? and v.version = ?
                """)
                .params(DoiKeys.key(doi), version)
                .query((rs, n) -> new StoredArticle(RecentVersions.withIdentity(parsed, rs.getString(1),
                        new JournalMeta(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))),
                        version, rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The version read from the store's tables, never from memory. */
    Optional<StoredArticle> load(String doi, int version) {
        return jdbc.sql("""
                select a.doi, a.latest_version, v.*, j.journal_key, j.title as journal_title,
                       j.issn_print, j.issn_electronic, j.publisher
                from article a
                join article_version v on v.article_id = a.id
                join journal j on j.id = a.journal_id
                where a.doi_key = ? and v.version = ?
                """)
                .params(DoiKeys.key(doi), version)
                .query((rs, n) -> new VersionRow(rs))
                .optional()
                .map(this::load);
    }

    @Override
    public Optional<byte[]> jatsSource(String doi, int version) {
        return jdbc.sql("""
                select v.jats_xml from article a join article_version v on v.article_id = a.id
                where a.doi_key = ? and v.version = ?
                """)
                .params(DoiKeys.key(doi), version)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    @Override
    public List<ArticleSummary> summaries(Collection<String> dois) {
        if (dois.isEmpty()) {
            return List.of();
        }
        List<String> keys = dois.stream().map(DoiKeys::key).distinct().toList();
        List<SummaryRow> rows = new ArrayList<>();
        // Chunked so that the IN list stays within what both databases accept comfortably.
        for (int from = 0; from < keys.size(); from += 500) {
            rows.addAll(jdbc.sql(SUMMARY_SELECT + " where a.doi_key in (:keys)")
                    .param("keys", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .query((rs, n) -> new SummaryRow(rs))
                    .list());
        }
        return withAuthors(rows);
    }

    @Override
    public List<String> allDois() {
        return jdbc.sql("select doi from article order by doi_key").query(String.class).list();
    }

    @Override
    public List<Journal> journals() {
        return jdbc.sql("""
                select j.journal_key, j.title, j.issn_print, j.issn_electronic, j.publisher,
                       (select count(*) from article a where a.journal_id = j.id) as articles
                from journal j order by lower(j.title)
                """)
                .query(StoredArticleReader::journal)
                .list();
    }

    @Override
    public Optional<Journal> journal(String key) {
        return jdbc.sql("""
                select j.journal_key, j.title, j.issn_print, j.issn_electronic, j.publisher,
                       (select count(*) from article a where a.journal_id = j.id) as articles
                from journal j where j.journal_key = ?
                """)
                .param(key)
                .query(StoredArticleReader::journal)
                .optional();
    }

    private static Journal journal(ResultSet rs, int n) throws SQLException {
        return new Journal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6));
    }

    @Override
    public List<IssueRef> issues(String journalKey) {
        List<IssueRef> issues = jdbc.sql("""
                select i.volume, i.issue, i.pub_year, count(a.id) as articles
                from journal_issue i
                join journal j on j.id = i.journal_id
                join article a on a.issue_id = i.id
                where j.journal_key = ?
                group by i.volume, i.issue, i.pub_year
                """)
                .param(journalKey)
                .query((rs, n) -> new IssueRef(journalKey, rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3), rs.getInt(4)))
                .list();
        // Newest first; volumes and issues are usually numbers but need not be.
        return issues.stream()
                .sorted(Sorting.<IssueRef>byNumberLike(IssueRef::volume)
                        .thenComparing(Sorting.byNumberLike(IssueRef::issue))
                        .reversed())
                .toList();
    }

    @Override
    public List<ArticleSummary> issueContents(String journalKey, String volume, String issue) {
        List<SummaryRow> rows = jdbc.sql(SUMMARY_SELECT + """
                 join journal_issue i on i.id = a.issue_id
                 where j.journal_key = ? and i.volume = ? and i.issue = ?
                """)
                .params(journalKey, volume, issue)
                .query((rs, n) -> new SummaryRow(rs))
                .list();
        return withAuthors(rows).stream()
                .sorted(Sorting.<ArticleSummary>byNumberLike(s -> s.firstPage() != null ? s.firstPage() : s.elocationId())
                        .thenComparing(ArticleSummary::doi))
                .toList();
    }

    @Override
    public List<ArticleSummary> latest(String journalKey, int limit) {
        List<SummaryRow> rows = jdbc.sql(SUMMARY_SELECT + """
                 where j.journal_key = ?
                 order by v.pub_year desc, v.pub_month desc, v.pub_day desc, a.doi_key
                 limit ?
                """)
                .params(journalKey, limit)
                .query((rs, n) -> new SummaryRow(rs))
                .list();
        return withAuthors(rows);
    }

    @Override
    public List<Relation> relationsTo(String doi) {
        return jdbc.sql("""
                select a.doi, r.relation_type, r.target_doi
                from article_relation r
                join article_version v on v.id = r.version_id
                join article a on a.id = v.article_id and a.latest_version = v.version
                where r.target_doi_key = ?
                order by a.doi_key, r.seq
                """)
                .param(DoiKeys.key(doi))
                .query((rs, n) -> new Relation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    // --- summaries ---

    private record SummaryRow(String doi, String articleType, String titleHtml, String volume, String issue,
                              String firstPage, String lastPage, String elocationId, PubDate date, int version,
                              long versionId, JournalMeta journal) {

        SummaryRow(ResultSet rs) throws SQLException {
            this(rs.getString("doi"), rs.getString("article_type"), rs.getString("title_html"), rs.getString("volume"),
                    rs.getString("issue"), rs.getString("first_page"), rs.getString("last_page"),
                    rs.getString("elocation_id"),
                    rs.getObject("pub_year") == null ? null : new PubDate(null, null, (Integer) rs.getObject("pub_year"),
                            (Integer) rs.getObject("pub_month"), (Integer) rs.getObject("pub_day"), null),
                    rs.getInt("version"), rs.getLong("version_id"),
                    new JournalMeta(rs.getString("journal_key"), rs.getString("journal_title"), rs.getString("issn_print"),
                            rs.getString("issn_electronic"), rs.getString("publisher")));
        }
    }

    private List<ArticleSummary> withAuthors(List<SummaryRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> authors = new LinkedHashMap<>();
        List<Long> versionIds = rows.stream().map(SummaryRow::versionId).toList();
        for (int from = 0; from < versionIds.size(); from += 500) {
            jdbc.sql("""
                    select version_id, surname, given_names, prefix, suffix, collab from article_contributor
                    where version_id in (:ids) and role = 'author' order by version_id, seq
                    """)
                    .param("ids", versionIds.subList(from, Math.min(versionIds.size(), from + 500)))
                    .query(rs -> {
                        Contributor c = new Contributor("author", rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), null, null, List.of(), List.of(), false, false, false);
                        authors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(c.displayName());
                    });
        }
        return rows.stream()
                .map(r -> new ArticleSummary(r.doi(), r.articleType(), r.titleHtml(),
                        authors.getOrDefault(r.versionId(), List.of()), r.journal(), r.volume(), r.issue(),
                        r.firstPage(), r.lastPage(), r.elocationId(), r.date(), r.version()))
                .toList();
    }

    // --- a whole version ---

    private record VersionRow(long id, String doi, int version, int latestVersion, java.time.Instant importedAt,
                              String articleType, String language, String titleHtml, String subtitleHtml,
                              String volume, String issue, String firstPage, String lastPage, String elocationId,
                              Permissions permissions, String bodyHtml, int figureCount, int tableCount,
                              String ackHtml, JournalMeta journal) {

        VersionRow(ResultSet rs) throws SQLException {
            this(rs.getLong("id"), rs.getString("doi"), rs.getInt("version"), rs.getInt("latest_version"),
                    rs.getTimestamp("imported_at").toInstant(), rs.getString("article_type"), rs.getString("language"),
                    rs.getString("title_html"), rs.getString("subtitle_html"), rs.getString("volume"),
                    rs.getString("issue"), rs.getString("first_page"), rs.getString("last_page"),
                    rs.getString("elocation_id"),
                    new Permissions(rs.getString("copyright_statement"), rs.getString("copyright_year"),
                            rs.getString("copyright_holder"), rs.getString("license_url"), rs.getString("license_html")),
                    rs.getString("body_html"), rs.getInt("figure_count"), rs.getInt("table_count"),
                    rs.getString("ack_html"),
                    new JournalMeta(rs.getString("journal_key"), rs.getString("journal_title"),
                            rs.getString("issn_print"), rs.getString("issn_electronic"), rs.getString("publisher")));
        }
    }

    private StoredArticle load(VersionRow v) {
        long id = v.id();
        List<ArticleId> ids = jdbc.sql("select id_type, id_value from article_identifier where version_id = ? order by seq")
                .param(id).query((rs, n) -> new ArticleId(rs.getString(1), rs.getString(2))).list();

        Map<Integer, List<Affiliation.InstitutionId>> institutionIds = new LinkedHashMap<>();
        jdbc.sql("select aff_seq, id_type, id_value from article_affiliation_institution_id where version_id = ? order by aff_seq, seq")
                .param(id)
                .query(rs -> {
                    institutionIds.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Affiliation.InstitutionId(rs.getString(2), rs.getString(3)));
                });
        List<Affiliation> affiliations = jdbc.sql("""
                select seq, aff_id, label, full_text, institution, address, country
                from article_affiliation where version_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new Affiliation(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        institutionIds.getOrDefault(rs.getInt(1), List.of()), rs.getString(6), rs.getString(7)))
                .list();

        List<Contributor> contributors = jdbc.sql("""
                select role, surname, given_names, prefix, suffix, collab, orcid, email, affiliation_ids, note_ids,
                       corresponding, equal_contribution, deceased
                from article_contributor where version_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new Contributor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), words(rs.getString(9)),
                        words(rs.getString(10)), rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13)))
                .list();

        List<AuthorNote> authorNotes = jdbc.sql("""
                select note_id, kind, note_type, label, html, email from article_author_note where version_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new AuthorNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();

        List<PubDate> dates = jdbc.sql("""
                select date_type, format, pub_year, pub_month, pub_day, season from article_pub_date where version_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new PubDate(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6)))
                .list();

        List<Abstract> abstracts = jdbc.sql("select abstract_type, title, html, structured from article_abstract where version_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new Abstract(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();

        Map<Integer, KeywordGroupRows> keywordGroups = new LinkedHashMap<>();
        jdbc.sql("select group_seq, group_type, group_title, keyword from article_keyword where version_id = ? order by group_seq, seq")
                .param(id)
                .query(rs -> {
                    keywordGroups.computeIfAbsent(rs.getInt(1), k -> new KeywordGroupRows(getString(rs, 2), getString(rs, 3)))
                            .keywords().add(rs.getString(4));
                });

        Map<Integer, KeywordGroupRows> subjectGroups = new LinkedHashMap<>();
        jdbc.sql("select group_seq, group_type, subject from article_subject where version_id = ? order by group_seq, seq")
                .param(id)
                .query(rs -> {
                    subjectGroups.computeIfAbsent(rs.getInt(1), k -> new KeywordGroupRows(getString(rs, 2), null))
                            .keywords().add(rs.getString(3));
                });

        List<RelatedArticle> related = jdbc.sql("""
                select relation_type, target_doi, href, ext_link_type from article_relation where version_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new RelatedArticle(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();

        List<Body.Section> sections = jdbc.sql("select section_id, title_html, depth from article_section where version_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new Body.Section(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();

        List<BackMatter.Appendix> appendices = jdbc.sql("select appendix_id, title_html, html from article_appendix where version_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new BackMatter.Appendix(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();

        List<Note> notes = BackMatterRows.notes(jdbc, id);
        List<Reference> references = BackMatterRows.references(jdbc, id);

        Article article = new Article(v.doi(), v.articleType(), v.language(), v.journal(), ids, v.titleHtml(),
                v.subtitleHtml(), contributors, affiliations, authorNotes, dates, v.volume(), v.issue(), v.firstPage(),
                v.lastPage(), v.elocationId(), v.permissions(), abstracts,
                keywordGroups.values().stream().map(g -> new KeywordGroup(g.type(), g.title(), g.keywords())).toList(),
                subjectGroups.values().stream().map(g -> new SubjectGroup(g.type(), g.keywords())).toList(),
                related,
                new Body(v.bodyHtml() == null ? "" : v.bodyHtml(), sections, v.figureCount(), v.tableCount()),
                new BackMatter(v.ackHtml(), appendices, notes, references));
        return new StoredArticle(article, v.version(), v.latestVersion(), v.importedAt());
    }

    private record KeywordGroupRows(String type, String title, List<String> keywords) {
        KeywordGroupRows(String type, String title) {
            this(type, title, new ArrayList<>());
        }
    }

    private static String getString(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }
}
