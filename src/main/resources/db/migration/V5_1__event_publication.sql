-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.0):
-- each listener's delivery of an event is a row until the listener has finished (then deleted), so a
-- listener that fails is retried and publications left incomplete by a crash are resubmitted on start.
-- Portable to H2 and PostgreSQL: varchar rather than text, because the registry compares serialized_event.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

create index event_publication_by_listener on event_publication (listener_id);
create index event_publication_by_completion_date on event_publication (completion_date);
