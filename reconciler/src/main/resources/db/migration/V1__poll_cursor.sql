-- One row per tenant, store and object type: how far the poll of that object type has got.
CREATE TABLE poll_cursor (
    tenant         TEXT        NOT NULL,
    store_id       TEXT        NOT NULL,
    object_type    TEXT        NOT NULL,
    -- newest platform modification time published; the next poll starts at this minus the overlap
    modified_since TIMESTAMPTZ NOT NULL,
    -- highest object id modified at modified_since (tie-breaker)
    last_object_id TEXT,
    -- when the row was last written
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, store_id, object_type)
);
