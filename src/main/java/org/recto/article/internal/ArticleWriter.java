package org.recto.article.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.recto.article.Article;
import org.recto.article.ArticleFile;
import org.recto.article.ArticlePublished;
import org.recto.article.ArticleStore;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.RelatedArticle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Writes an article version and everything it holds, in one transaction. */
@Repository
class ArticleWriter implements ArticleStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JournalDirectory journals;
    private final ArticleFileStore files;
    private final RecentVersions recent;

    ArticleWriter(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Clock clock,
            JournalDirectory journals, ArticleFileStore files, RecentVersions recent) {
        this.jdbc = jdbc;
        this.recent = recent;
        this.files = files;
        this.journals = journals;
        this.batch = batch;
        this.events = events;
        this.clock = clock;
    }

    /** Overridden only so that the call is transactional too (the interface's default would bypass the proxy's advice). */
    @Override
    @Transactional
    public SaveResult save(Article article, byte[] jatsSource, String sourceName) {
        return save(article, jatsSource, sourceName, List.of());
    }

    @Override
    @Transactional
    public SaveResult save(Article article, byte[] jatsSource, String sourceName, List<ArticleFile> packageFiles) {
        return saveAll(List.of(new Draft(article, jatsSource, sourceName, packageFiles))).get(0);
    }

    /** One transaction for all: each version's own rows as it comes, the child rows of all of them per table at the end. */
    @Override
    @Transactional
    public List<SaveResult> saveAll(List<Draft> drafts) {
        VersionRows children = new VersionRows();
        List<SaveResult> results = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            results.add(save(draft, children));
        }
        children.flush(batch);
        return results;
    }

    private SaveResult save(Draft draft, VersionRows children) {
        Article article = draft.article();
        byte[] jatsSource = draft.jatsSource();
        String doiKey = DoiKeys.key(article.doi());
        String sha = sourceSha256(jatsSource, draft.files());
        Instant now = clock.instant();

        long journalId = journals.upsert(article.journal());
        Long issueId = upsertIssue(journalId, article);

        Optional<ExistingArticle> existing = jdbc.sql("""
                select a.id, a.latest_version, v.source_sha256
                from article a join article_version v on v.article_id = a.id and v.version = a.latest_version
                where a.doi_key = ?
                """)
                .param(doiKey)
                .query((rs, n) -> new ExistingArticle(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .optional();

        long articleId;
        int version;
        Outcome outcome;
        if (existing.isPresent()) {
            ExistingArticle found = existing.get();
            if (found.sha256().equals(sha)) {
                return new SaveResult(article.doi(), found.latestVersion(), Outcome.UNCHANGED);
            }
            articleId = found.id();
            version = found.latestVersion() + 1;
            outcome = Outcome.UPDATED;
            jdbc.sql("update article set doi = ?, journal_id = ?, issue_id = ?, latest_version = ? where id = ?")
                    .params(article.doi(), journalId, issueId, version, articleId)
                    .update();
        } else {
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into article (doi, doi_key, journal_id, issue_id, latest_version, first_imported)
                    values (?, ?, ?, ?, 1, ?)
                    """)
                    .params(article.doi(), doiKey, journalId, issueId, Timestamp.from(now))
                    .update(keys, "id");
            articleId = keys.getKey().longValue();
            version = 1;
            outcome = Outcome.NEW;
        }

        long versionId = insertVersion(articleId, version, article, jatsSource, sha, draft.sourceName(), now);
        children.add(versionId, article);
        files.insert(versionId, draft.files());
        // Kept in memory for the listeners once it commits (they read it from the store when it is gone).
        recent.putAfterCommit(article.doi(), version, article, jatsSource.length);
        // Inside the transaction: the registry stores the publication with the version, and listeners
        // run only once both have committed.
        events.publishEvent(new ArticlePublished(article.doi(), version, outcome == Outcome.NEW,
                linkedDois(article), false));
        return new SaveResult(article.doi(), version, outcome);
    }

    private static List<String> linkedDois(Article article) {
        return article.relatedArticles().stream().map(RelatedArticle::doi).filter(d -> d != null && !d.isBlank())
                .distinct().toList();
    }

    private record ExistingArticle(long id, int latestVersion, String sha256) {
    }

    private Long upsertIssue(long journalId, Article article) {
        String volume = blankToEmpty(article.volume());
        String issue = blankToEmpty(article.issue());
        PubDate date = article.publicationDate();
        Integer year = date == null ? null : date.year();
        Optional<Long> id = jdbc.sql("select id from journal_issue where journal_id = ? and volume = ? and issue = ?")
                .params(journalId, volume, issue)
                .query(Long.class)
                .optional();
        if (id.isPresent()) {
            if (year != null) {
                jdbc.sql("update journal_issue set pub_year = ? where id = ? and (pub_year is null or pub_year < ?)")
                        .params(year, id.get(), year)
                        .update();
            }
            return id.get();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into journal_issue (journal_id, volume, issue, pub_year) values (?, ?, ?, ?)")
                .params(journalId, volume, issue, year)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long insertVersion(long articleId, int version, Article a, byte[] source, String sha, String sourceName, Instant now) {
        PubDate date = a.publicationDate();
        Permissions p = a.permissions() == null ? Permissions.NONE : a.permissions();
        Body body = a.body() == null ? Body.EMPTY : a.body();
        BackMatter back = a.back() == null ? BackMatter.EMPTY : a.back();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into article_version (article_id, version, imported_at, source_name, source_sha256,
                    article_type, language, title_html, subtitle_html, volume, issue, first_page, last_page,
                    elocation_id, pub_year, pub_month, pub_day, copyright_statement, copyright_year,
                    copyright_holder, license_url, license_html, body_html, figure_count, table_count,
                    ack_html, jats_xml)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(articleId, version, Timestamp.from(now), truncate(sourceName, 1000), sha,
                        a.articleType(), a.language(), a.titleHtml() == null ? "" : a.titleHtml(), a.subtitleHtml(),
                        a.volume(), a.issue(), a.firstPage(), a.lastPage(), a.elocationId(),
                        date == null ? null : date.year(), date == null ? null : date.month(),
                        date == null ? null : date.day(),
                        p.copyrightStatement(), p.copyrightYear(), p.copyrightHolder(), p.licenseUrl(), p.licenseHtml(),
                        body.html(), body.figureCount(), body.tableCount(), back.acknowledgementsHtml(), source)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * The XML's hash, or, with package files, the hash of the XML's and every file's name and hash: the same
     * XML with other files is a new version, and a plain XML import keeps the hash it always had.
     */
    static String sourceSha256(byte[] xml, List<ArticleFile> packageFiles) {
        if (packageFiles.isEmpty()) {
            return sha256(xml);
        }
        StringBuilder all = new StringBuilder(sha256(xml));
        packageFiles.stream().sorted(java.util.Comparator.comparing(ArticleFile::name))
                .forEach(f -> all.append('\n').append(f.name()).append('\t').append(sha256(f.bytes())));
        return sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
