-- Related content (module org.recto.discovery): computed when a version is published, read by the landing page
-- and GET /api/v1/articles/{doi}/related. The search index itself is not here: each node keeps its own under
-- the data directory. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.

-- That an article's related content was computed, and from which version.
CREATE TABLE related_content (
    doi_key     VARCHAR(300) NOT NULL PRIMARY KEY,  -- lower case
    version     INT          NOT NULL,
    computed_at TIMESTAMP    NOT NULL
);

-- Its concepts, most characteristic first.
CREATE TABLE related_concept (
    doi_key  VARCHAR(300) NOT NULL,
    position INT          NOT NULL,
    phrase   VARCHAR(200) NOT NULL,
    PRIMARY KEY (doi_key, position)
);

-- The most similar articles on the platform, most similar first; score relative to the first (1).
CREATE TABLE related_article (
    doi_key     VARCHAR(300)     NOT NULL,
    position    INT              NOT NULL,
    similar_doi VARCHAR(300)     NOT NULL,
    score       DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (doi_key, position)
);
