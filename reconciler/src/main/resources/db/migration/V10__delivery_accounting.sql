-- Delivery accounting: per store object that syncs to the CRM (orders, customers), when the
-- pipeline last received it and when a CRM write result last settled it. An object received and
-- never settled after a grace period is a mismatch: it was lost on the way, or is still waiting
-- (a paused tenant, a retry).
create table source_object_state (
    tenant               text        not null,
    platform             text        not null,
    store_id             text        not null,
    object_type          text        not null,   -- order | customer
    object_id            text        not null,
    first_received_at    timestamptz not null,
    last_received_at     timestamptz not null,
    last_origin          text,
    last_settled_at      timestamptz,
    last_outcome         text,                   -- created | updated | ... | dead-lettered
    last_error_class     text,
    crm_id               text,
    primary key (tenant, platform, store_id, object_type, object_id)
);
create index source_object_state_unsettled on source_object_state (tenant, last_received_at)
    where last_settled_at is null;
