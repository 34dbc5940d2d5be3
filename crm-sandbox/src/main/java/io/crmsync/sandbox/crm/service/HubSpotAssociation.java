package io.crmsync.sandbox.crm.service;

/** One direction of an association that was written, with HubSpot's default type id for it. */
public record HubSpotAssociation(String fromId, String toId, int associationTypeId) {
}
