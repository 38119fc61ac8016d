package org.recto.article.internal;

import java.util.Arrays;
import java.util.List;

import org.recto.article.Note;
import org.recto.article.Reference;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A version's notes and references: read by the whole-article load and by the narrow citation read alike. */
final class BackMatterRows {

    private BackMatterRows() {
    }

    static List<Note> notes(JdbcClient jdbc, long versionId) {
        return jdbc.sql("select note_id, label, html, plain_text from article_note where version_id = ? order by seq")
                .param(versionId)
                .query((rs, n) -> new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    static List<Reference> references(JdbcClient jdbc, long versionId) {
        return jdbc.sql("""
                select ref_id, label, citation_kind, publication_type, raw_text, authors, article_title, source,
                       pub_year, volume, issue, first_page, last_page, doi, pmid, url, publisher, publisher_location
                from article_reference where version_id = ? order by seq""")
                .param(versionId)
                .query((rs, n) -> new Reference(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), lines(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18)))
                .list();
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }
}
