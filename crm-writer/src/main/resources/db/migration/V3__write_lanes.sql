-- Lanes: the writer takes commands off Kafka into write_inbox, and one lane per tenant writes them
-- to its CRM. A tenant whose CRM is down, slow, rate-limited or paused thus holds back its own rows
-- only, never a partition shared with other tenants; retries wait here for hours if need be.

-- One row per consumed command, with the original record (key, value, headers) for the DLQ.
create table write_inbox (
    id               bigserial   primary key,
    tenant           text        not null,
    kafka_key        text        not null,   -- tenant/crmObjectType/recordKey: one record's commands, in order
    value            bytea       not null,
    headers          jsonb       not null,   -- [{"k": name, "v": base64 value}], in order
    source_partition integer     not null,
    source_offset    bigint      not null,
    received_at      timestamptz not null,
    attempts         integer     not null default 0,   -- failed attempts on the retry schedule
    next_attempt_at  timestamptz not null,
    last_error_class text
);
create index write_inbox_due on write_inbox (tenant, next_attempt_at, id);
create index write_inbox_record on write_inbox (tenant, kafka_key, id);

-- Consumed offsets, written in the transaction that stores the rows: a batch redelivered after a
-- crash before its Kafka commit is recognised and not stored twice.
create table inbox_offset (
    topic       text    not null,
    partition   integer not null,
    next_offset bigint  not null,
    primary key (topic, partition)
);

-- A tenant's sync state (control.tenant.v1 applied here): paused tenants' lanes write nothing.
create table tenant_state (
    tenant     text        primary key,
    state      text        not null,   -- active | paused
    reason     text        not null,   -- auth | operator
    message    text,
    changed_at timestamptz not null,
    changed_by text        not null
);

-- Which writer instance drains a tenant's lane: one at a time, so a record's commands stay in order.
create table lane_lease (
    tenant      text        primary key,
    owner       text        not null,
    lease_until timestamptz not null
);

-- Dry-run rows: the record as the CRM would have received it.
alter table write_audit add column detail text;
