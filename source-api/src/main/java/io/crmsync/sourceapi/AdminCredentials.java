package io.crmsync.sourceapi;

import io.crmsync.commons.tenant.Store;

/** A store's admin API credential from the tenant registry, by name; its absence is a registry error. */
final class AdminCredentials {

    private AdminCredentials() {
    }

    static String require(Store store, String name) {
        String value = store.adminApiCredentials() == null ? null : store.adminApiCredentials().get(name);
        if (value == null || value.isBlank()) {
            throw new SourceNotConfiguredException("store " + store.id() + " has no adminApi credential '" + name
                    + "' in the tenant registry");
        }
        return value;
    }
}
