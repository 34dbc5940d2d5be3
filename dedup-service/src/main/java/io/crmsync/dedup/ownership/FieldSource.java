package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.FieldOwner;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * Provenance of one golden field, kept per field in {@code golden_contact.field_sources}.
 *
 * @param source source identity that set the value; null when unknown
 * @param asOf   source time of the newest state that set or confirmed the value
 * @param owner  the field's owner when last touched: a CRM-owned value is sent to the CRM only in
 *               the change that set it
 */
@RegisterForReflection // a jsonb column value: (de)serialised reflectively, also in a native image
public record FieldSource(String source, Instant asOf, FieldOwner owner) {
}
