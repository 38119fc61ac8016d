package org.recto.site.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.recto.article.ArticleCatalog;
import org.recto.article.ArticlePublished;
import org.recto.article.Relation;
import org.recto.attention.MentionsRecorded;
import org.recto.discovery.RelatedContentChanged;
import org.recto.formats.FormatsPrepared;
import org.recto.references.CitationsPrepared;
import org.recto.usage.UsageRolledUp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every node's prepared pages true to the store. The events that change a page (a new version, a
 * correction or retraction linking to an article, citations parsed or cited-by changed, the daily
 * roll-up) are written to the {@code page_invalidation} log; every node sharing the database, this one
 * included, reads the log every {@code recto.site.invalidation-poll} and drops the pages it names.
 */
@Component
class PageInvalidations {

    /** Everything; written after a roll-up, since every page shows figures. */
    static final String ALL = "*";
    // Rows of the last minute are read again on every poll, because a row with a lower seq can commit
    // after one with a higher (sequences are handed out before commit), and the poll must not skip it.
    // Rows are kept for a day.

    private final JdbcClient jdbc;
    private final ArticleCatalog catalog;
    private final PageCache cache;
    private final Clock clock;
    /** The rows of the late-commit window this node has acted on. */
    private final Set<Long> seen = new HashSet<>();
    private long highest;
    private Instant lastPrune = Instant.EPOCH;

    PageInvalidations(JdbcClient jdbc, ArticleCatalog catalog, PageCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.cache = cache;
        this.clock = clock;
        // A node starts with an empty cache, so the log so far concerns it no more.
        this.highest = jdbc.sql("select coalesce(max(seq), 0) from page_invalidation").query(Long.class).single();
    }

    /** The new version's pages, the articles it links to (a correction's notice shows on the corrected article) and those linking to it. */
    @ApplicationModuleListener
    void on(ArticlePublished published) {
        Set<String> dois = new LinkedHashSet<>();
        dois.add(published.doi());
        dois.addAll(published.linkedDois());
        catalog.relationsTo(published.doi()).stream().map(Relation::sourceDoi).forEach(dois::add);
        record(dois);
    }

    /** Its references are parsed now, and the pages of what it cites (cited-by) and of what cites it changed. */
    @ApplicationModuleListener
    void on(CitationsPrepared prepared) {
        Set<String> dois = new LinkedHashSet<>();
        dois.add(prepared.doi());
        dois.addAll(prepared.affectedDois());
        record(dois);
    }

    /** The concepts or similar articles these pages show changed. */
    @ApplicationModuleListener
    void on(RelatedContentChanged changed) {
        record(changed.dois());
    }

    /** New mentions change these articles' attention scores. */
    @ApplicationModuleListener
    void on(MentionsRecorded recorded) {
        record(recorded.dois());
    }

    /** The landing page lists the formats with their sizes. */
    @ApplicationModuleListener
    void on(FormatsPrepared prepared) {
        record(List.of(prepared.doi()));
    }

    /** Every page shows the usage figures. */
    @ApplicationModuleListener
    void on(UsageRolledUp rolledUp) {
        record(List.of(ALL));
    }

    private void record(Collection<String> dois) {
        for (String doi : dois) {
            KeyHolder seq = new GeneratedKeyHolder();
            // The database's clock for every row, so that nodes with skewed clocks agree on a row's age.
            jdbc.sql("insert into page_invalidation (doi_key, at) values (?, current_timestamp)")
                    .param(doi.toLowerCase(Locale.ROOT)).update(seq, "seq");
            actedOn(seq.getKey().longValue());
        }
        // This node need not wait for its own poll: the change these rows describe has committed.
        if (dois.contains(ALL)) {
            cache.invalidateAll();
        } else {
            cache.invalidate(dois);
        }
    }

    /**
     * A row this node wrote is not acted on again when its poll reads it: the page it names may have been prepared
     * again meanwhile, and dropping it a second time cost a render for nothing.
     */
    private synchronized void actedOn(long seq) {
        seen.add(seq);
    }

    /** Drops the pages named by rows this node has not acted on yet. */
    @Scheduled(fixedDelayString = "${recto.site.invalidation-poll:1s}")
    synchronized void poll() {
        Set<Long> window = new HashSet<>();
        List<String> dois = new ArrayList<>();
        jdbc.sql("""
                select seq, doi_key from page_invalidation
                where seq > ? or at >= current_timestamp - interval '1' minute
                order by seq""")
                .param(highest)
                .query(rs -> {
                    long seq = rs.getLong(1);
                    window.add(seq);
                    if (seen.add(seq)) {
                        dois.add(rs.getString(2));
                    }
                    highest = Math.max(highest, seq);
                });
        if (dois.contains(ALL)) {
            cache.invalidateAll();
        } else if (!dois.isEmpty()) {
            cache.invalidate(dois);
        }
        // Rows out of the window cannot come back (they are older than any late commit); this node's own rows
        // above the highest read are not committed yet, and stay.
        long read = highest;
        seen.removeIf(seq -> seq <= read && !window.contains(seq));
        Instant now = clock.instant();
        if (lastPrune.isBefore(now.minus(Duration.ofMinutes(10)))) {
            lastPrune = now;
            jdbc.sql("delete from page_invalidation where at < current_timestamp - interval '1' day").update();
        }
    }
}
