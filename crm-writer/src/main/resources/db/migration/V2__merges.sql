-- Merges: a merged record key names its survivor from then on. Every command and association for
-- a merged key is redirected to the surviving key before it is written, so a merged record is never
-- recreated. Aliases are kept flat: a survivor is never itself an alias (a later merge of the
-- survivor re-points the aliases that named it).
create table record_alias (
    tenant          text        not null,
    crm_object_type text        not null,   -- contact | company
    record_key      text        not null,   -- the merged record's key
    surviving_key   text        not null,
    merge_id        text        not null,   -- the dedup-service's merge record
    command_id      text        not null,   -- the merge command that made this alias
    merged_at       timestamptz not null,
    primary key (tenant, crm_object_type, record_key)
);
create index record_alias_survivor on record_alias (tenant, crm_object_type, surviving_key);

-- Merge audit rows name both records: record_key is the merged key, surviving_key the survivor.
alter table write_audit add column surviving_key text;
