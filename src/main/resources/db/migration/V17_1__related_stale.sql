-- Articles whose similar-articles lists wait to be computed again (module org.recto.discovery), because an article
-- near them was published. Marked in the same transaction as the new article's own list, so a crash loses none;
-- a background worker computes them in batches once publishing is quiet, so that a bulk import's many marks of
-- the same neighbour cost one computation. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE related_stale (
    doi_key   VARCHAR(300) NOT NULL PRIMARY KEY,  -- lower case
    marked_at TIMESTAMP    NOT NULL
);
