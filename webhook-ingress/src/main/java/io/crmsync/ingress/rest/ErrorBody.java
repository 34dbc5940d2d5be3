package io.crmsync.ingress.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of every refusal: a short reason, never request data or secrets. */
@RegisterForReflection
public record ErrorBody(String error) {
}
