-- How an imported journal-meta finds its journal. A journal is known by each of its ISSNs
-- ('issn:0260-2105'); one without an ISSN by its typed journal ids together with its title
-- ('ids:nlm-ta=plos med;publisher-id=plos|title:plos medicine'). The publisher's journal id alone
-- is not enough: PLOS gives every title the id 'plos'. journal.journal_key stays the URL name.
create table journal_identity (
    identity   varchar(1500) primary key,
    journal_id bigint not null references journal (id)
);

create index journal_identity_journal on journal_identity (journal_id);

insert into journal_identity (identity, journal_id)
select identity, min(journal_id) from (
    select 'issn:' || upper(trim(issn_print)) as identity, id as journal_id from journal where issn_print is not null
    union all
    select 'issn:' || upper(trim(issn_electronic)) as identity, id as journal_id from journal where issn_electronic is not null
) known
group by identity;
