package io.crmsync.contract.command;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Backfilled records carry the backfill marker so CRM automations can exclude them. */
public enum SyncMode {
    @JsonProperty("live") LIVE,
    @JsonProperty("backfill") BACKFILL
}
