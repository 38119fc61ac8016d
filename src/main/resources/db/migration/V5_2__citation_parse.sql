-- The references module's derived data: each article version's notes (split, Ibid. and short forms
-- resolved) and references (parsed into fields), computed once when the version is published, so that
-- no page request runs the reference parser. Links to the platform's articles are made when a page is
-- rendered, because they change as articles arrive. Rebuilt by `recto.jar reindex`.
create table citation_parse (
    doi_key     varchar(300) not null,
    version     int          not null,
    parser      varchar(100) not null, -- the parser and model that made it
    parsed      text         not null, -- JSON: {"notes": [...], "references": [...]}
    prepared_at timestamp with time zone not null,
    primary key (doi_key, version)
);
