package io.crmsync.sandbox.crm.rest;

import io.crmsync.sandbox.crm.service.HubSpotBatchError;
import io.crmsync.sandbox.crm.service.RequestStats;
import io.crmsync.sandbox.crm.service.SalesforceError;
import io.crmsync.sandbox.crm.service.SalesforceSaveResult;
import io.crmsync.sandbox.crm.service.StatsReporter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types serialized inside {@code Response} entities, which Quarkus cannot discover from method
 * signatures; registered so a native build (the parent's {@code native} profile) serializes them too.
 */
@RegisterForReflection(targets = {
        HubSpotWire.SimplePublicObject.class,
        HubSpotWire.UpsertedObject.class,
        HubSpotWire.BatchResponse.class,
        HubSpotWire.ObjectId.class,
        HubSpotWire.AssociationSpec.class,
        HubSpotWire.DefaultAssociation.class,
        HubSpotWire.SandboxObject.class,
        HubSpotBatchError.class,
        SalesforceSaveResult.class,
        SalesforceError.class,
        RequestStats.View.class,
        StatsReporter.SandboxStats.class,
        StatsReporter.AccountStats.class,
})
final class WireTypesForReflection {

    private WireTypesForReflection() {
    }
}
