package io.crmsync.sandbox.crm.service;

import java.time.Duration;

/** "At most {@code requests} calls in any rolling {@code window}". */
public record RateBudget(int requests, Duration window) {
}
