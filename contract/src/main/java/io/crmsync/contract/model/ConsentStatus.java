package io.crmsync.contract.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Marketing consent is recorded, never inferred: absent evidence is {@code unknown}. */
public enum ConsentStatus {
    @JsonProperty("granted") GRANTED,
    @JsonProperty("denied") DENIED,
    @JsonProperty("unknown") UNKNOWN
}
