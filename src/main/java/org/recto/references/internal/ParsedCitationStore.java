package org.recto.references.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The table {@code citation_parse}: each version's {@link PreparedCitations} as JSON. */
@Repository
public class ParsedCitationStore {

    /** Which parser made a stored row; a reindex after a model change replaces them all. */
    static final String PARSER = "recto-crf/model-5";

    private final JdbcClient jdbc;
    private final Clock clock;
    // Records only; derived accessors such as Citation.isResolved() are written but not read back.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    ParsedCitationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<PreparedCitations> find(String doi, int version) {
        return jdbc.sql("select parsed from citation_parse where doi_key = ? and version = ?")
                .params(doi.toLowerCase(Locale.ROOT), version)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, PreparedCitations.class));
    }

    /** Stores (or replaces) a version's parse. */
    void save(String doi, int version, PreparedCitations prepared) {
        String key = doi.toLowerCase(Locale.ROOT);
        String text = json.writeValueAsString(prepared);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update citation_parse set parser = ?, parsed = ?, prepared_at = ? where doi_key = ? and version = ?")
                .params(PARSER, text, now, key, version).update();
        if (updated == 0) {
            // Two deliveries of one version racing here fail one insert; CitationPreparer tries again.
            jdbc.sql("insert into citation_parse (doi_key, version, parser, parsed, prepared_at) values (?, ?, ?, ?, ?)")
                    .params(key, version, PARSER, text, now).update();
        }
    }
}
