package org.recto.article;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the article store (and the parses and pages derived from it) between tests, children before parents. */
public final class ArticleTables {

    private static final List<String> TABLES = List.of("article_relation", "article_reference", "article_note",
            "article_appendix", "article_section", "article_subject", "article_keyword", "article_abstract",
            "article_pub_date", "article_author_note", "article_contributor", "article_affiliation_institution_id",
            "article_affiliation", "article_identifier", "article_file", "article_version", "article", "journal_issue", "journal_identity", "journal");

    private ArticleTables() {
    }

    public static void deleteAll(JdbcClient jdbc) {
        TABLES.forEach(table -> jdbc.sql("delete from " + table).update());
        jdbc.sql("delete from citation_parse").update();
        // (The search index drops the deleted articles by itself within recto.discovery.sync-interval.)
        List.of("related_article", "related_concept", "related_content", "related_stale").forEach(t -> jdbc.sql("delete from " + t).update());
        // Every node of the test context drops its prepared pages of the articles just deleted.
        jdbc.sql("insert into page_invalidation (doi_key, at) values ('*', current_timestamp)").update();
    }
}
