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

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.ArticleFile;
import org.recto.article.ArticleId;
import org.recto.article.ArticlePublished;
import org.recto.article.ArticleStore;
import org.recto.article.AuthorNote;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Contributor;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;
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

    ArticleWriter(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events, Optional<Clock> clock,
            JournalDirectory journals, ArticleFileStore files) {
        this.jdbc = jdbc;
        this.files = files;
        this.journals = journals;
        this.batch = batch;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
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
        String doiKey = DoiKeys.key(article.doi());
        String sha = sourceSha256(jatsSource, packageFiles);
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

        long versionId = insertVersion(articleId, version, article, jatsSource, sha, sourceName, now);
        insertChildren(versionId, article);
        files.insert(versionId, packageFiles);
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

    private void insertChildren(long v, Article a) {
        List<ArticleId> ids = a.ids();
        batch(ids.size(), "insert into article_identifier (version_id, seq, id_type, id_value) values (?, ?, ?, ?)",
                i -> new Object[] {v, i, ids.get(i).type(), ids.get(i).value()});

        List<Affiliation> affs = a.affiliations();
        batch(affs.size(), """
                insert into article_affiliation (version_id, seq, aff_id, label, full_text, institution, address, country)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    Affiliation f = affs.get(i);
                    return new Object[] {v, i, f.id(), f.label(), f.text(), f.institution(), f.address(), f.country()};
                });
        List<Object[]> institutionIds = new ArrayList<>();
        for (int i = 0; i < affs.size(); i++) {
            List<Affiliation.InstitutionId> list = affs.get(i).institutionIds();
            for (int j = 0; j < list.size(); j++) {
                institutionIds.add(new Object[] {v, i, j, list.get(j).type(), list.get(j).value()});
            }
        }
        batchRows("""
                insert into article_affiliation_institution_id (version_id, aff_seq, seq, id_type, id_value)
                values (?, ?, ?, ?, ?)""", institutionIds);

        List<Contributor> cs = a.contributors();
        batch(cs.size(), """
                insert into article_contributor (version_id, seq, role, surname, given_names, prefix, suffix, collab,
                    orcid, email, affiliation_ids, note_ids, corresponding, equal_contribution, deceased)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    Contributor c = cs.get(i);
                    return new Object[] {v, i, c.role() == null ? "author" : c.role(), c.surname(), c.givenNames(),
                            c.prefix(), c.suffix(), c.collab(), c.orcid(), c.email(),
                            String.join(" ", c.affiliationIds()), String.join(" ", c.noteIds()),
                            c.corresponding(), c.equalContribution(), c.deceased()};
                });

        List<AuthorNote> notes = a.authorNotes();
        batch(notes.size(), """
                insert into article_author_note (version_id, seq, note_id, kind, note_type, label, html, email)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    AuthorNote n = notes.get(i);
                    return new Object[] {v, i, n.id(), n.kind(), n.type(), n.label(), n.html(), n.email()};
                });

        List<PubDate> dates = a.pubDates();
        batch(dates.size(), """
                insert into article_pub_date (version_id, seq, date_type, format, pub_year, pub_month, pub_day, season)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    PubDate d = dates.get(i);
                    return new Object[] {v, i, d.type(), d.format(), d.year(), d.month(), d.day(), d.season()};
                });

        List<Abstract> abstracts = a.abstracts();
        batch(abstracts.size(), """
                insert into article_abstract (version_id, seq, abstract_type, title, html, structured)
                values (?, ?, ?, ?, ?, ?)""",
                i -> {
                    Abstract x = abstracts.get(i);
                    return new Object[] {v, i, x.type(), x.title(), x.html(), x.structured()};
                });

        List<Object[]> keywords = new ArrayList<>();
        List<KeywordGroup> kgs = a.keywordGroups();
        for (int g = 0; g < kgs.size(); g++) {
            for (int k = 0; k < kgs.get(g).keywords().size(); k++) {
                keywords.add(new Object[] {v, g, k, kgs.get(g).type(), kgs.get(g).title(), kgs.get(g).keywords().get(k)});
            }
        }
        batchRows("""
                insert into article_keyword (version_id, group_seq, seq, group_type, group_title, keyword)
                values (?, ?, ?, ?, ?, ?)""", keywords);

        List<Object[]> subjects = new ArrayList<>();
        List<SubjectGroup> sgs = a.subjectGroups();
        for (int g = 0; g < sgs.size(); g++) {
            for (int k = 0; k < sgs.get(g).subjects().size(); k++) {
                subjects.add(new Object[] {v, g, k, sgs.get(g).type(), sgs.get(g).subjects().get(k)});
            }
        }
        batchRows("insert into article_subject (version_id, group_seq, seq, group_type, subject) values (?, ?, ?, ?, ?)",
                subjects);

        Body body = a.body() == null ? Body.EMPTY : a.body();
        List<Body.Section> sections = body.sections();
        batch(sections.size(), """
                insert into article_section (version_id, seq, section_id, title_html, depth) values (?, ?, ?, ?, ?)""",
                i -> new Object[] {v, i, sections.get(i).id(), sections.get(i).titleHtml(), sections.get(i).depth()});

        BackMatter back = a.back() == null ? BackMatter.EMPTY : a.back();
        List<BackMatter.Appendix> apps = back.appendices();
        batch(apps.size(), """
                insert into article_appendix (version_id, seq, appendix_id, title_html, html) values (?, ?, ?, ?, ?)""",
                i -> new Object[] {v, i, apps.get(i).id(), apps.get(i).titleHtml(), apps.get(i).html()});

        List<Note> backNotes = back.notes();
        batch(backNotes.size(), """
                insert into article_note (version_id, seq, note_id, label, html, plain_text) values (?, ?, ?, ?, ?, ?)""",
                i -> {
                    Note n = backNotes.get(i);
                    return new Object[] {v, i, n.id(), n.label(), n.html(), n.text() == null ? "" : n.text()};
                });

        List<Reference> refs = back.references();
        batch(refs.size(), """
                insert into article_reference (version_id, seq, ref_id, label, citation_kind, publication_type,
                    raw_text, authors, article_title, source, pub_year, volume, issue, first_page, last_page, doi,
                    pmid, url, publisher, publisher_location)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    Reference r = refs.get(i);
                    return new Object[] {v, i, r.id(), truncate(r.label(), 100), r.citationKind(), r.publicationType(),
                            r.rawText() == null ? "" : r.rawText(), String.join("\n", r.authors()), r.articleTitle(),
                            r.source(), truncate(r.year(), 50), truncate(r.volume(), 100), truncate(r.issue(), 100),
                            truncate(r.firstPage(), 100), truncate(r.lastPage(), 100), truncate(r.doi(), 500),
                            truncate(r.pmid(), 50), r.url(), r.publisher(), r.publisherLocation()};
                });

        List<RelatedArticle> related = a.relatedArticles();
        batch(related.size(), """
                insert into article_relation (version_id, seq, relation_type, target_doi, target_doi_key, href, ext_link_type)
                values (?, ?, ?, ?, ?, ?, ?)""",
                i -> {
                    RelatedArticle r = related.get(i);
                    return new Object[] {v, i, r.type() == null ? "related" : r.type(), r.doi(),
                            r.doi() == null ? null : DoiKeys.key(r.doi()), truncate(r.href(), 1000), r.extLinkType()};
                });
    }

    private interface Row {
        Object[] values(int index);
    }

    private void batch(int count, String sql, Row row) {
        if (count == 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(row.values(i));
        }
        batchRows(sql, rows);
    }

    private void batchRows(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate(sql, rows);
        }
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
