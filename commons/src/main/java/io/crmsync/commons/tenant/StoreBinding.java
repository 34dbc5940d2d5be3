package io.crmsync.commons.tenant;

/** A store together with the tenant that owns it. */
public record StoreBinding(Tenant tenant, Store store) {
}
