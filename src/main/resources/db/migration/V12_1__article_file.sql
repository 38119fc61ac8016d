-- The graphics and supplementary files of a JATS package, stored with the version they came with: the
-- database is the store every node shares, and the rows commit (or roll back) with the version. Each
-- version holds its own copy, so a version is complete on its own and nothing is shared between versions
-- that a later import could change or delete.
create table article_file (
    version_id   bigint        not null references article_version (id),
    name         varchar(1000) not null,
    media_type   varchar(200)  not null,
    sha256       varchar(64)   not null,
    bytes        bytea         not null,
    -- A web-sized PNG made at import time for formats a browser cannot show (TIFF); null otherwise.
    web_png      bytea,
    primary key (version_id, name)
);
