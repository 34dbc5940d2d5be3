package io.crmsync.sandbox.crm.service;

/** One {@code {"from":{"id"},"to":{"id"}}} input of a v4 batch associate call. */
public record HubSpotAssociationInput(String fromId, String toId) {
}
