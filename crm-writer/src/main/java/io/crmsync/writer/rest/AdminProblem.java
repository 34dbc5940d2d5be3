package io.crmsync.writer.rest;

/** The body of every refused admin request: {@code {"error": "..."}}, no stack trace, no personal data. */
public record AdminProblem(String error) {
}
