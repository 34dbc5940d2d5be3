package io.crmsync.sandbox.crm.service;

/** A record written by an upsert, and whether the upsert created it. */
public record HubSpotUpsertResult(HubSpotObject object, boolean created) {
}
