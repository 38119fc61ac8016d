-- COUNTER Searches_Platform (a search of the platform, from module org.recto.discovery), counted by the usage
-- roll-up beside the item metrics: rows with an empty doi hold a day's searches. Runs on H2 and PostgreSQL.
ALTER TABLE usage_daily ADD COLUMN searches_platform BIGINT DEFAULT 0 NOT NULL;
