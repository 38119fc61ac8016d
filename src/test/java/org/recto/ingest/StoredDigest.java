package org.recto.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row of every article table, each row named by what it belongs to (DOI and version, journal
 * key) rather than by generated ids, and without the import's timestamps: two stores that hold the same articles
 * have the same digest, however their rows were written.
 */
final class StoredDigest {

    /** The child tables of a version. */
    static final List<String> VERSION_TABLES = List.of("article_identifier", "article_affiliation",
            "article_affiliation_institution_id", "article_contributor", "article_author_note", "article_pub_date",
            "article_abstract", "article_keyword", "article_subject", "article_section", "article_appendix",
            "article_note", "article_reference", "article_relation", "article_file");

    /** Generated keys and the import's clock: they differ between two imports of the same files. */
    private static final Set<String> LEFT_OUT = Set.of("id", "version_id", "article_id", "journal_id", "issue_id",
            "imported_at", "first_imported");

    private StoredDigest() {
    }

    static String of(JdbcClient jdbc) {
        StringBuilder all = new StringBuilder();
        all.append(table(jdbc, "journal", "select j.* from journal j"));
        all.append(table(jdbc, "journal_identity", "select j.journal_key, i.* from journal_identity i join journal j on j.id = i.journal_id"));
        all.append(table(jdbc, "journal_issue", "select j.journal_key, i.* from journal_issue i join journal j on j.id = i.journal_id"));
        all.append(table(jdbc, "article", """
                select j.journal_key, i.volume as issue_volume, i.issue as issue_issue, a.*
                from article a join journal j on j.id = a.journal_id left join journal_issue i on i.id = a.issue_id"""));
        all.append(table(jdbc, "article_version", "select a.doi as of_doi, v.* from article_version v join article a on a.id = v.article_id"));
        for (String t : VERSION_TABLES) {
            all.append(table(jdbc, t, "select a.doi as of_doi, v.version as of_version, t.* from " + t
                    + " t join article_version v on v.id = t.version_id join article a on a.id = v.article_id"));
        }
        return sha256(all.toString());
    }

    static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /** The table's rows as sorted lines of their values, hashed: its name, row count and hash. */
    private static String table(JdbcClient jdbc, String name, String sql) {
        List<String> rows = new ArrayList<>();
        jdbc.sql(sql).query(rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                if (LEFT_OUT.contains(meta.getColumnLabel(c).toLowerCase())) {
                    continue;
                }
                Object v = rs.getObject(c);
                row.append(meta.getColumnLabel(c).toLowerCase()).append('=')
                        .append(v instanceof byte[] b ? sha256(b) : String.valueOf(v)).append('\u0001');
            }
            rows.add(row.toString());
        });
        rows.sort(null);
        return name + " " + rows.size() + " " + sha256(String.join("\n", rows)) + "\n";
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
