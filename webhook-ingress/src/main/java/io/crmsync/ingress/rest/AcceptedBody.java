package io.crmsync.ingress.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of a 202 (and, with {@code status=handshake} and no ids, of a platform's set-up call).
 *
 * @param eventId    the {@code ce_id} of the event written to Kafka
 * @param deliveryId the platform's delivery id the event carries
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AcceptedBody(String status, String eventId, String deliveryId) {
}
