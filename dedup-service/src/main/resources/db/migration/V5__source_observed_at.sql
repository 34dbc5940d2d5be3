-- When the newest applied state of a source object was seen current at its store (ce_observedat).
-- Stores give updated_at in whole seconds: of two states sharing it, the one seen later is newer.
-- Null for rows written before, and for events that do not say: the tie then goes to the later arrival.
alter table source_entity add column last_observed_at timestamptz;
