-- Usage identities without a cookie (module org.recto.usage). Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- The secret of each UTC day: that day's user_key and session_key are HMAC-SHA256 (first 64 bits) of
-- IP + User-Agent (+ date + hour for the session) under it. Shared by every node of the database; a row is
-- created by the first event of its day and deleted two days later, after which the day's keys can no longer
-- be recomputed from a guessed IP address.
CREATE TABLE usage_day_key (
    key_day DATE  NOT NULL PRIMARY KEY,
    secret  BYTEA NOT NULL  -- 32 random bytes
);

-- For an event in the first 30 s of its day: its user key under the previous day's secret, so that the roll-up of
-- the previous day can tell whether it double-clicks a click from just before midnight (CoP 7.2). NULL otherwise.
ALTER TABLE usage_event ADD COLUMN user_key_prev BIGINT;
