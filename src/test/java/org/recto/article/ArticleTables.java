package org.recto.article;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the article store between tests, children before parents. */
public final class ArticleTables {

    private static final List<String> TABLES = List.of("article_relation", "article_reference", "article_note",
            "article_appendix", "article_section", "article_subject", "article_keyword", "article_abstract",
            "article_pub_date", "article_author_note", "article_contributor", "article_affiliation_institution_id",
            "article_affiliation", "article_identifier", "article_version", "article", "journal_issue", "journal");

    private ArticleTables() {
    }

    public static void deleteAll(JdbcClient jdbc) {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
    }
}
