package io.crmsync.writer.service.hubspot;

import io.crmsync.commons.tenant.CrmKind;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.writer.client.CrmRejectedException;
import io.crmsync.writer.client.HubSpotClient;
import io.crmsync.writer.client.HubSpotWire;
import io.crmsync.writer.service.CrmAdapter;
import io.crmsync.writer.service.TenantCrm;
import io.crmsync.writer.service.UpsertOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot CRM v3 batch upsert by unique property, batch read by that property, merge, and v4
 * default associations.
 */
@ApplicationScoped
public class HubSpotAdapter implements CrmAdapter {

    private final HubSpotClient client;

    public HubSpotAdapter(HubSpotClient client) {
        this.client = client;
    }

    @Override
    public CrmKind kind() {
        return CrmKind.HUBSPOT;
    }

    @Override
    public Optional<String> problem(CrmRecordUpsert command) {
        return HubSpotProperties.problem(command);
    }

    @Override
    public Map<String, Object> preview(String crmObjectType, CrmRecordUpsert command) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("objectType", HubSpotProperties.objectType(crmObjectType));
        record.put("idProperty", HubSpotProperties.idProperty(crmObjectType));
        record.put("id", command.recordKey());
        record.put("properties", HubSpotProperties.of(command));
        return record;
    }

    @Override
    public UpsertOutcome upsert(TenantCrm crm, String crmObjectType, List<CrmRecordUpsert> commands) {
        String idProperty = HubSpotProperties.idProperty(crmObjectType);
        List<HubSpotWire.UpsertInput> inputs = commands.stream()
                .map(c -> new HubSpotWire.UpsertInput(idProperty, c.recordKey(), HubSpotProperties.of(c), c.recordKey()))
                .toList();
        HubSpotWire.BatchResult result = client.upsert(crm.tenant(), crm.account(),
                HubSpotProperties.objectType(crmObjectType), new HubSpotWire.BatchUpsertRequest(inputs));
        return outcome(commands, idProperty, result);
    }

    /**
     * Results carry the id property's value; 207 errors name their input by
     * {@code objectWriteTraceId} (or its id). An input HubSpot says nothing about is reported
     * rejected rather than guessed written.
     */
    static UpsertOutcome outcome(List<CrmRecordUpsert> commands, String idProperty, HubSpotWire.BatchResult result) {
        Map<String, UpsertOutcome.UpsertedRecord> written = new LinkedHashMap<>();
        for (HubSpotWire.ResultObject object : result.resultsOrEmpty()) {
            String key = object.properties() == null ? null : object.properties().get(idProperty);
            if (key == null && commands.size() == 1) {
                key = commands.get(0).recordKey();
            }
            if (key != null) {
                written.put(key, new UpsertOutcome.UpsertedRecord(object.id(), Boolean.TRUE.equals(object.created())));
            }
        }
        Map<String, String> rejected = new HashMap<>();
        for (HubSpotWire.BatchError error : result.errorsOrEmpty()) {
            String key = error.firstContext("objectWriteTraceId");
            if (key == null) {
                key = error.firstContext("id");
            }
            if (key != null && !written.containsKey(key)) {
                rejected.put(key, (error.category() == null ? "" : error.category() + ": ") + error.message());
            }
        }
        for (CrmRecordUpsert command : commands) {
            if (!written.containsKey(command.recordKey()) && !rejected.containsKey(command.recordKey())) {
                rejected.put(command.recordKey(), "HubSpot returned neither a result nor an error for this input");
            }
        }
        return new UpsertOutcome(written, rejected);
    }

    @Override
    public Map<String, String> findIds(TenantCrm crm, String crmObjectType, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        String idProperty = HubSpotProperties.idProperty(crmObjectType);
        HubSpotWire.BatchReadRequest request = new HubSpotWire.BatchReadRequest(idProperty,
                recordKeys.stream().map(HubSpotWire.ReadInput::new).toList(), List.of(idProperty));
        HubSpotWire.BatchResult result = client.read(crm.tenant(), crm.account(),
                HubSpotProperties.objectType(crmObjectType), request);
        Map<String, String> ids = new LinkedHashMap<>();
        // Keys that do not exist come back as an OBJECT_NOT_FOUND error entry: simply absent here.
        for (HubSpotWire.ResultObject object : result.resultsOrEmpty()) {
            String key = object.properties() == null ? null : object.properties().get(idProperty);
            if (key != null && recordKeys.contains(key)) {
                ids.put(key, object.id());
            }
        }
        return ids;
    }

    @Override
    public void associate(TenantCrm crm, String fromObjectType, String toObjectType, List<IdPair> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        List<HubSpotWire.AssociationInput> inputs = pairs.stream()
                .map(p -> new HubSpotWire.AssociationInput(new HubSpotWire.ObjectId(p.fromId()),
                        new HubSpotWire.ObjectId(p.toId())))
                .toList();
        client.associate(crm.tenant(), crm.account(), HubSpotProperties.objectType(fromObjectType),
                HubSpotProperties.objectType(toObjectType), new HubSpotWire.AssociationBatchRequest(inputs));
    }

    /**
     * {@code POST /crm/v3/objects/{type}/merge}. HubSpot refuses to merge a record that is already
     * part of the primary (a merge replayed after its answer was lost); that refusal is success
     * when the merged id now resolves to the primary.
     */
    @Override
    public void merge(TenantCrm crm, String crmObjectType, String survivingId, String mergedId) {
        String objectType = HubSpotProperties.objectType(crmObjectType);
        try {
            client.merge(crm.tenant(), crm.account(), objectType, new HubSpotWire.MergeRequest(survivingId, mergedId));
        } catch (CrmRejectedException refused) {
            HubSpotWire.ResultObject current;
            try {
                current = client.get(crm.tenant(), crm.account(), objectType, mergedId);
            } catch (CrmRejectedException notFound) {
                throw refused;
            }
            if (!survivingId.equals(current.id())) {
                throw refused;
            }
        }
    }

    /** An upsert by the old key that writes the new one into the same unique property. */
    @Override
    public String rekey(TenantCrm crm, String crmObjectType, String fromKey, String toKey) {
        String idProperty = HubSpotProperties.idProperty(crmObjectType);
        HubSpotWire.UpsertInput input = new HubSpotWire.UpsertInput(idProperty, fromKey, Map.of(idProperty, toKey), toKey);
        HubSpotWire.BatchResult result = client.upsert(crm.tenant(), crm.account(),
                HubSpotProperties.objectType(crmObjectType), new HubSpotWire.BatchUpsertRequest(List.of(input)));
        if (result.resultsOrEmpty().isEmpty()) {
            HubSpotWire.BatchError error = result.errorsOrEmpty().isEmpty() ? null : result.errorsOrEmpty().get(0);
            throw new CrmRejectedException("re-keying a " + crmObjectType + " was refused"
                    + (error == null ? "" : ": " + error.message()), error == null ? null : error.category());
        }
        return result.resultsOrEmpty().get(0).id();
    }
}
