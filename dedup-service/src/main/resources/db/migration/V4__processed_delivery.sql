-- Replay suppression by the platform's own delivery id (ce_deliveryid: Shopify X-Shopify-Event-Id,
-- BigCommerce webhook-id, Adobe I/O event id), in the same transaction as the state change. The
-- content fingerprint (processed_event) still catches what has no stable delivery id: polls,
-- WooCommerce, the same state delivered under another id.
create table processed_delivery (
    tenant       text        not null,
    delivery_id  text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (tenant, delivery_id)
);
