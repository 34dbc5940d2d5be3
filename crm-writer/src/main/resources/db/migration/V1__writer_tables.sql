-- What the writer knows about the CRM side: the CRM id of every record it wrote (learned from
-- upsert and batch-read results), associations waiting for their target, and an audit trail.

create table crm_record (
    tenant          text        not null,
    crm_object_type text        not null,   -- contact | deal | company
    record_key      text        not null,   -- golden-record key, or {storeId}:{orderId} for deals
    crm_id          text        not null,
    updated_at      timestamptz not null,
    primary key (tenant, crm_object_type, record_key)
);

-- An association the writer must create. Inserted before the target is looked up and deleted only
-- once the CRM confirmed the association, so none is lost when the target arrives later or a
-- call fails, and none is doubled (HubSpot associations are a set per pair).
create table pending_association (
    id               bigserial   primary key,
    tenant           text        not null,
    from_object_type text        not null,
    from_record_key  text        not null,
    to_object_type   text        not null,
    to_record_key    text        not null,
    created_at       timestamptz not null,
    unique (tenant, from_object_type, from_record_key, to_object_type, to_record_key)
);
create index pending_association_target on pending_association (tenant, to_object_type, to_record_key);

-- One row per attempt (CRM call) per command, and one per final disposition.
create sequence write_audit_seq increment by 50;
create table write_audit (
    id                 bigint      primary key,
    command_id         text,
    tenant             text        not null,
    source_platform    text,
    source_store_id    text,
    source_object_type text,
    source_object_id   text,
    crm_object_type    text        not null,
    record_key         text        not null,
    crm_id             text,
    operation          text        not null,   -- upsert | associate | dead-letter
    outcome            text        not null,
    error_class        text,
    attempt            integer     not null,
    trace_id           text,
    at                 timestamptz not null
);
create index write_audit_record on write_audit (tenant, crm_object_type, record_key, at);
create index write_audit_command on write_audit (command_id);
