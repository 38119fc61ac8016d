-- The roll-up reads one day of events (plus the next day's first 30 s) by time, not by day column.
DROP INDEX usage_event_day;
CREATE INDEX usage_event_at ON usage_event (at_ms);
