package io.crmsync.writer.service;

import io.crmsync.commons.tenant.CrmKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The adapter for each CRM kind this version can write to. */
@ApplicationScoped
public class CrmAdapters {

    private final Map<CrmKind, CrmAdapter> byKind = new EnumMap<>(CrmKind.class);

    public CrmAdapters(Instance<CrmAdapter> adapters) {
        adapters.forEach(adapter -> byKind.put(adapter.kind(), adapter));
    }

    public Optional<CrmAdapter> forKind(CrmKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
