package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CrmKind {
    @JsonProperty("hubspot") HUBSPOT,
    @JsonProperty("salesforce") SALESFORCE
}
