package org.recto.discovery.internal;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.discovery.RelatedContent;
import org.recto.discovery.internal.SimilarArticles.Similar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The related content the discovery module computed, in its three tables; titles come from the store when read. */
@Component
class RelatedStore implements RelatedContent {

    private final JdbcClient jdbc;
    private final ArticleCatalog catalog;
    private final Clock clock;

    RelatedStore(JdbcClient jdbc, ArticleCatalog catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Optional<Related> of(String doi) {
        String key = doi.toLowerCase(Locale.ROOT);
        boolean computed = jdbc.sql("select count(*) from related_content where doi_key = ?").param(key)
                .query(Integer.class).single() > 0;
        if (!computed) {
            return Optional.empty();
        }
        List<Similar> similar = similar(key);
        Map<String, ArticleSummary> onPlatform = catalog.summaries(similar.stream().map(Similar::doi).toList()).stream()
                .collect(Collectors.toMap(s -> s.doi().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        List<SimilarArticle> articles = similar.stream()
                .filter(s -> onPlatform.containsKey(s.doi().toLowerCase(Locale.ROOT)))
                .map(s -> new SimilarArticle(s.doi(), onPlatform.get(s.doi().toLowerCase(Locale.ROOT)).titleText(), s.score()))
                .toList();
        return Optional.of(new Related(concepts(key), articles));
    }

    List<String> concepts(String key) {
        return jdbc.sql("select phrase from related_concept where doi_key = ? order by position").param(key)
                .query(String.class).list();
    }

    List<Similar> similar(String key) {
        return jdbc.sql("select similar_doi, score from related_article where doi_key = ? order by position").param(key)
                .query((rs, i) -> new Similar(rs.getString(1), null, rs.getDouble(2))).list();
    }

    /**
     * Marks the articles' similar-articles lists as waiting to be computed again ({@link NeighbourRefresh}), taking
     * the rows in key order, so that two publishing listeners marking shared neighbours wait for each other rather
     * than deadlock (they did, in the suite, when each went in the order of its own similarity list).
     */
    void markStale(Collection<String> keys) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String key : new TreeSet<>(keys)) {
            // An error would abort the publishing transaction on PostgreSQL: a mark made meanwhile is left as it is.
            if (jdbc.sql("update related_stale set marked_at = ? where doi_key = ?").params(now, key).update() == 0) {
                jdbc.sql("insert into related_stale (doi_key, marked_at) values (?, ?) on conflict do nothing")
                        .params(key, now).update();
            }
        }
    }

    /** Up to {@code limit} marked articles, the longest waiting first. */
    List<Stale> stale(int limit) {
        return jdbc.sql("select doi_key, marked_at from related_stale order by marked_at, doi_key limit ?").param(limit)
                .query((rs, i) -> new Stale(rs.getString(1), rs.getTimestamp(2))).list();
    }

    /** Clears the mark, unless the article was marked again since it was read. */
    void unmark(Stale stale) {
        jdbc.sql("delete from related_stale where doi_key = ? and marked_at <= ?").params(stale.key(), stale.markedAt())
                .update();
    }

    record Stale(String key, Timestamp markedAt) {
    }

    /**
     * Replaces the article's concepts, if given, and its similar articles; answers whether what a page shows changed.
     * The article's {@code related_content} row is written first, which locks it until the caller's transaction ends,
     * so that two saves of one article (two versions' listeners, or a listener and a neighbour refresh) take turns
     * instead of inserting the same lists at once.
     */
    @Transactional
    boolean save(String key, int version, List<String> concepts, List<Similar> articles) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into related_content (doi_key, version, computed_at) values (?, ?, ?) on conflict do nothing")
                .params(key, version, now).update();
        jdbc.sql("update related_content set version = ?, computed_at = ? where doi_key = ?").params(version, now, key)
                .update();
        boolean changed = (concepts != null && !concepts.equals(concepts(key)))
                || !articles.stream().map(Similar::doi).toList().equals(similar(key).stream().map(Similar::doi).toList());
        if (concepts != null) {
            jdbc.sql("delete from related_concept where doi_key = ?").param(key).update();
            for (int i = 0; i < concepts.size(); i++) {
                jdbc.sql("insert into related_concept (doi_key, position, phrase) values (?, ?, ?)")
                        .params(key, i, concepts.get(i)).update();
            }
        }
        jdbc.sql("delete from related_article where doi_key = ?").param(key).update();
        for (int i = 0; i < articles.size(); i++) {
            jdbc.sql("insert into related_article (doi_key, position, similar_doi, score) values (?, ?, ?, ?)")
                    .params(key, i, articles.get(i).doi(), articles.get(i).score()).update();
        }
        return changed;
    }

    /** The version the related content was computed from, if it was. */
    Optional<Integer> version(String key) {
        return jdbc.sql("select version from related_content where doi_key = ?").param(key).query(Integer.class).optional();
    }
}
