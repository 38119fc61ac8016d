-- The references module's own index of who cites what on the platform. It is derived from the
-- articles (rebuilt for an article each time a version of it is published), so it can always be
-- rebuilt from the store.

-- Platform articles as a citation may name them: by DOI, or by title, year and first author.
create table cited_work (
    doi_key    varchar(300) primary key,
    doi        varchar(300) not null,
    title_key  varchar(500) not null,
    pub_year   int,
    author_key varchar(200)
);
create index cited_work_title on cited_work (title_key);

-- Every reference and note citation of every article's latest version, with what identifies the work it cites.
create table citation_index (
    citing_doi_key varchar(300) not null,
    citing_doi     varchar(300) not null,
    seq            int          not null,
    cited_doi_key  varchar(300), -- when the citation gives a DOI
    title_key      varchar(500), -- normalised title, for citations without a DOI
    pub_year       int,
    author_key     varchar(200),
    primary key (citing_doi_key, seq)
);
create index citation_index_doi on citation_index (cited_doi_key);
create index citation_index_title on citation_index (title_key);
