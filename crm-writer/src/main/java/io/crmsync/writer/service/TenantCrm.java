package io.crmsync.writer.service;

import io.crmsync.commons.tenant.CrmAccount;

/** A tenant and the CRM account its records are written to. */
public record TenantCrm(String tenant, CrmAccount account) {
}
