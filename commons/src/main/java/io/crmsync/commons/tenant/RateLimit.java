package io.crmsync.commons.tenant;

/** A budget of {@code requests} per {@code perSeconds}, as CRM plans state them. */
public record RateLimit(int requests, int perSeconds) {
}
