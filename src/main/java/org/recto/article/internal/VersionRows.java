package org.recto.article.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recto.article.Abstract;
import org.recto.article.Affiliation;
import org.recto.article.Article;
import org.recto.article.ArticleId;
import org.recto.article.AuthorNote;
import org.recto.article.BackMatter;
import org.recto.article.Body;
import org.recto.article.Contributor;
import org.recto.article.KeywordGroup;
import org.recto.article.Note;
import org.recto.article.PubDate;
import org.recto.article.Reference;
import org.recto.article.RelatedArticle;
import org.recto.article.SubjectGroup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child rows (identifiers, contributors, references, …) of the versions one transaction stores, gathered
 * per table so that each table gets one batched insert for all the versions of an import batch rather than
 * one per version: on PostgreSQL with {@code reWriteBatchedInserts=true} that is a multi-row insert.
 */
final class VersionRows {

    /** Rows per JDBC batch: big enough to pay, small enough that a batch of long references stays modest. */
    private static final int MAX_BATCH = 1000;

    private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();

    /** Adds the rows of the version's children (to be written by {@link #flush}). */
    void add(long v, Article a) {
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
            tables.computeIfAbsent(sql, k -> new ArrayList<>()).addAll(rows);
        }
    }

    /** Writes every row added, one batched statement per table, in the order the tables were first met. */
    void flush(JdbcTemplate jdbc) {
        tables.forEach((sql, rows) -> {
            for (int from = 0; from < rows.size(); from += MAX_BATCH) {
                jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + MAX_BATCH)));
            }
        });
        tables.clear();
    }


    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
