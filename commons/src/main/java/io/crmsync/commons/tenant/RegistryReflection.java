package io.crmsync.commons.tenant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images bind the tenant registry's YAML with Jackson by reflection, into the loader's raw
 * records and the value types they hold; without this every service would fail to read its registry.
 * deploy-check's {@code ReflectionRegistrationTest} fails when a record the loader binds is missing.
 */
@RegisterForReflection(targets = {
        TenantRegistryLoader.RegistryFile.class, TenantRegistryLoader.RawTenant.class,
        TenantRegistryLoader.RawCrm.class, TenantRegistryLoader.RawStore.class, TenantRegistryLoader.RawApi.class,
        RateLimit.class, CrmKind.class, Platform.class})
final class RegistryReflection {

    private RegistryReflection() {
    }
}
