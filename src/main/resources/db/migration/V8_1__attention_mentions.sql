-- Mentions of articles (module org.recto.attention), the attention score's input. A mention is identified by its
-- source and its id at that source, so importing it again changes nothing. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE attention_mention (
    source       VARCHAR(40)   NOT NULL,
    mention_id   VARCHAR(500)  NOT NULL,
    doi_key      VARCHAR(300)  NOT NULL,  -- lower case
    doi          VARCHAR(300)  NOT NULL,
    author       VARCHAR(300),
    url          VARCHAR(2000),
    mentioned_at TIMESTAMP,
    received_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (source, mention_id)
);
CREATE INDEX attention_mention_doi ON attention_mention (doi_key);
