-- Repair of mismatches, lost updates and sampled CRM reads (delivery accounting, second version).
-- awaiting_settlement replaces "last_settled_at is null" as the open state: a receipt of a newer
-- source version than the last settled one re-opens a settled object, and a sampled CRM read that
-- does not find the record re-opens it as crm-missing.
alter table source_object_state
    add column received_version    timestamptz,            -- newest source modification time received
    add column settled_version     timestamptz,            -- newest sourceUpdatedAt of a settling result
    add column awaiting_settlement boolean not null default false,
    add column mismatch_reason     text,                   -- unsettled | update-unsettled | crm-missing
    add column repair_attempts     integer not null default 0,
    add column last_repair_at      timestamptz,
    add column repair_outcome      text,                   -- replayed | not-listed | failed | gone | exhausted
    add column crm_checked_at      timestamptz,
    add column crm_check_outcome   text;                   -- present | missing

update source_object_state
   set awaiting_settlement = true, mismatch_reason = 'unsettled'
 where last_settled_at is null;

drop index source_object_state_unsettled;
create index source_object_state_awaiting on source_object_state (tenant, last_received_at)
    where awaiting_settlement;
create index source_object_state_crm_check on source_object_state (tenant, crm_checked_at nulls first, last_settled_at)
    where not awaiting_settlement;
