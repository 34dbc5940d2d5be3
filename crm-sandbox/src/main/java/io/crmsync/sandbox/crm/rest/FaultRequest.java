package io.crmsync.sandbox.crm.rest;

/**
 * Body of {@code POST /_sandbox/faults}: {@code {"account","mode", "requests","perSeconds" | "millis"}}.
 */
public record FaultRequest(String account, String mode, Integer requests, Integer perSeconds, Long millis) {
}
