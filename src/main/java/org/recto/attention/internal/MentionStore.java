package org.recto.attention.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.recto.attention.Attention;
import org.recto.attention.AttentionProperties;
import org.recto.attention.AttentionScore;
import org.recto.attention.AttentionScore.SourceMentions;
import org.recto.attention.Mention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The mentions, in {@code attention_mention}; the score is worked out from them when it is read. */
@Component
class MentionStore implements Attention {

    private final JdbcClient jdbc;
    private final AttentionProperties properties;
    private final Clock clock;

    MentionStore(JdbcClient jdbc, AttentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the mentions not stored yet (by source and id); answers those that were new. */
    List<Mention> add(List<Mention> mentions) {
        List<Mention> added = new ArrayList<>();
        for (Mention m : mentions) {
            int rows = jdbc.sql("""
                    insert into attention_mention (source, mention_id, doi_key, doi, author, url, mentioned_at, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing""")
                    .params(m.source(), m.id(), m.doi().toLowerCase(Locale.ROOT), m.doi(), m.author(), m.url(),
                            m.date() == null ? null : Timestamp.from(m.date()), Timestamp.from(clock.instant()))
                    .update();
            if (rows > 0) {
                added.add(m);
            }
        }
        return added;
    }

    List<Mention> of(String doi) {
        return jdbc.sql("""
                select doi, source, mention_id, author, url, mentioned_at from attention_mention
                where doi_key = ? order by mentioned_at desc, source, mention_id""")
                .param(doi.toLowerCase(Locale.ROOT))
                .query((rs, i) -> {
                    Timestamp at = rs.getTimestamp(6);
                    return new Mention(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), at == null ? null : at.toInstant());
                }).list();
    }

    @Override
    public AttentionScore score(String doi) {
        return ScoreCalculator.score(doi, of(doi), properties.weights());
    }

    @Override
    public List<SourceMentions> mentions(String doi) {
        List<Mention> all = of(doi);
        AttentionScore score = ScoreCalculator.score(doi, all, properties.weights());
        Map<String, List<Mention>> bySource = new TreeMap<>();
        all.forEach(m -> bySource.computeIfAbsent(m.source(), s -> new ArrayList<>()).add(m));
        return score.sources().keySet().stream().map(s -> new SourceMentions(s, bySource.get(s))).toList();
    }
}
