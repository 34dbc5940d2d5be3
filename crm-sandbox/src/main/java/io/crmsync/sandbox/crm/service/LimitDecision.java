package io.crmsync.sandbox.crm.service;

/**
 * Outcome of asking a limiter for one request: whether it may proceed, and the numbers the CRM
 * reports back in its rate-limit headers.
 */
public record LimitDecision(boolean allowed, int max, int remaining, long intervalMillis, long retryAfterSeconds) {
}
