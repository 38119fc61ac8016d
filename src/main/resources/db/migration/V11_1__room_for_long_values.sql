-- Realistic values were refused with the database's own message: a volume such as
-- "Special issue: Proceedings of the 12th International Conference on …" (over 50 characters), a long
-- compound surname, a long country or label. Values from the XML get room; the DOI and key columns stay
-- as they are (the reader checks the DOI's length). SET DATA TYPE is standard SQL: H2 and PostgreSQL
-- both take it and keep each column's NOT NULL and unique constraints.
alter table journal alter column issn_print set data type varchar(100);
alter table journal alter column issn_electronic set data type varchar(100);
alter table journal alter column title set data type varchar(4000);
alter table journal alter column publisher set data type varchar(4000);

-- In a unique index: 500 characters fit PostgreSQL's b-tree row limit even in four-byte characters.
alter table journal_issue alter column volume set data type varchar(500);
alter table journal_issue alter column issue set data type varchar(500);

alter table article_version alter column article_type set data type varchar(500);
alter table article_version alter column language set data type varchar(100);
alter table article_version alter column volume set data type varchar(500);
alter table article_version alter column issue set data type varchar(500);
alter table article_version alter column first_page set data type varchar(500);
alter table article_version alter column last_page set data type varchar(500);
alter table article_version alter column elocation_id set data type varchar(500);
alter table article_version alter column copyright_year set data type varchar(200);
alter table article_version alter column license_url set data type varchar(4000);

alter table article_identifier alter column id_value set data type varchar(4000);
alter table article_affiliation alter column label set data type varchar(500);
alter table article_affiliation alter column country set data type varchar(1000);
alter table article_affiliation_institution_id alter column id_value set data type varchar(4000);

alter table article_contributor alter column surname set data type varchar(4000);
alter table article_contributor alter column given_names set data type varchar(4000);
alter table article_contributor alter column prefix set data type varchar(1000);
alter table article_contributor alter column suffix set data type varchar(1000);
alter table article_contributor alter column orcid set data type varchar(500);
alter table article_contributor alter column email set data type varchar(4000);

alter table article_author_note alter column label set data type varchar(500);
alter table article_author_note alter column email set data type varchar(4000);
alter table article_pub_date alter column season set data type varchar(500);
alter table article_note alter column label set data type varchar(500);

alter table article_reference alter column label set data type varchar(500);
alter table article_reference alter column pub_year set data type varchar(500);
alter table article_reference alter column volume set data type varchar(500);
alter table article_reference alter column issue set data type varchar(500);
alter table article_reference alter column first_page set data type varchar(500);
alter table article_reference alter column last_page set data type varchar(500);
alter table article_reference alter column doi set data type varchar(1000);
alter table article_reference alter column pmid set data type varchar(500);
