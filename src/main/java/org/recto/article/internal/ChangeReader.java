package org.recto.article.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recto.article.ArticleChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The walks of {@link ArticleChanges}: a few columns of article and article_version, never a whole article. */
@Repository
@Transactional(readOnly = true)
class ChangeReader implements ArticleChanges {

    /** The version that was latest as of a moment: the highest one stored by then. */
    private static final String AS_OF = """
            from article a
            join journal j on j.id = a.journal_id
            join article_version v on v.article_id = a.id
            where v.version = (select max(w.version) from article_version w where w.article_id = a.id and w.imported_at <= ?)
            """;

    private final JdbcClient jdbc;

    ChangeReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Change> page(Window window, Change after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select a.doi, v.version, v.imported_at, j.journal_key, v.article_type ")
                .append(AS_OF).append(conditions(window, params));
        if (after != null) {
            sql.append(" and (v.imported_at > ? or (v.imported_at = ? and a.doi_key > ?))");
            params.add(Timestamp.from(after.storedAt()));
            params.add(Timestamp.from(after.storedAt()));
            params.add(DoiKeys.key(after.doi()));
        }
        sql.append(" order by v.imported_at, a.doi_key fetch first ").append(Math.max(1, limit)).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(ChangeReader::change).list();
    }

    @Override
    public long count(Window window) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) " + AS_OF + conditions(window, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Override
    public List<Change> recent(String journalKey, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select a.doi, v.version, v.imported_at, j.journal_key, v.article_type
                from article a join journal j on j.id = a.journal_id
                join article_version v on v.article_id = a.id and v.version = a.latest_version
                """);
        if (journalKey != null) {
            sql.append(" where j.journal_key = ?");
            params.add(journalKey);
        }
        sql.append(" order by v.imported_at desc, a.doi_key fetch first ").append(Math.max(1, limit)).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(ChangeReader::change).list();
    }

    @Override
    public Optional<Instant> earliest() {
        return jdbc.sql("select min(imported_at) from article_version")
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    @Override
    public List<String> articleTypes() {
        return jdbc.sql("""
                select distinct v.article_type from article a
                join article_version v on v.article_id = a.id and v.version = a.latest_version
                where v.article_type is not null order by v.article_type
                """).query(String.class).list();
    }

    private static String conditions(Window w, List<Object> params) {
        params.add(Timestamp.from(w.asOf()));
        StringBuilder sql = new StringBuilder();
        if (w.from() != null) {
            sql.append(" and v.imported_at >= ?");
            params.add(Timestamp.from(w.from()));
        }
        if (w.until() != null) {
            sql.append(" and v.imported_at < ?");
            params.add(Timestamp.from(w.until()));
        }
        if (w.journalKey() != null) {
            sql.append(" and j.journal_key = ?");
            params.add(w.journalKey());
        }
        if (w.articleType() != null) {
            sql.append(" and v.article_type = ?");
            params.add(w.articleType());
        }
        return sql.toString();
    }

    private static Change change(ResultSet rs, int row) throws SQLException {
        return new Change(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));
    }
}
