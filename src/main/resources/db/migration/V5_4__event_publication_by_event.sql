-- The registry finds a delivery by its listener and its serialized event when it marks it done; with only
-- the listener indexed, that read every pending delivery of the listener (a reindex queues thousands).
-- Serialized events here are a few hundred bytes, well inside a B-tree entry on both databases.
create index event_publication_by_event on event_publication (listener_id, serialized_event);
