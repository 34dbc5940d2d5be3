-- Replays of dead letters from crm.record.upsert.v1.dlq through the admin API: one row per replay
-- request (also when nothing matched), and one per dead letter it re-published, so the same dead
-- letter is not replayed twice unless the operator forces it.
create table dlq_replay (
    id            text        primary key,   -- UUID, also the crmsync_replay_id header of the records
    tenant        text        not null,
    range_from    timestamptz not null,      -- dead letters stamped at or after this instant
    range_to      timestamptz not null,      -- ... and before this one
    error_class   text,                      -- null: every class
    force         boolean     not null,
    matched       integer     not null,
    replayed      integer     not null,
    skipped       integer     not null,      -- matched but replayed before (never when forced)
    requested_by  text        not null,      -- the token's principal
    at            timestamptz not null
);
create index dlq_replay_tenant on dlq_replay (tenant, at);

-- A dead letter (DLQ partition and offset) re-published by a replay.
create table dlq_replayed (
    dlq_partition integer not null,
    dlq_offset    bigint  not null,
    replay_id     text    not null references dlq_replay (id),
    primary key (dlq_partition, dlq_offset, replay_id)
);
create index dlq_replayed_replay on dlq_replayed (replay_id);
