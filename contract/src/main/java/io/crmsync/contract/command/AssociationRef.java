package io.crmsync.contract.command;

/** Another CRM record of the same tenant, named by its record key, never by a CRM id. */
public record AssociationRef(String crmObjectType, String recordKey) {
}
