package io.crmsync.writer.rest;

/**
 * {@code {"tenant", "from", "to", "errorClass", "force"}}: the tenant's dead letters stamped in
 * {@code [from, to)} (ISO-8601 instants, both required), of one error class or all (absent), and
 * whether to replay those replayed before too.
 */
public record ReplayRequest(String tenant, String from, String to, String errorClass, Boolean force) {
}
