-- Backfills: one job per store and object type, importing the store's history from a date. The
-- position moves page by page, so a job interrupted by a restart resumes where it was.
create table backfill_job (
    id                      text        primary key,
    tenant                  text        not null,
    store_id                text        not null,
    object_type             text        not null,
    since                   timestamptz not null,
    position_modified_since timestamptz not null,
    position_last_id        text,
    status                  text        not null,   -- running | done | failed
    published               bigint      not null default 0,
    last_error              text,
    requested_by            text        not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create index backfill_job_status on backfill_job (status);
