package io.crmsync.ingress.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to Adobe I/O Events' registration challenge: the challenge, echoed. */
@RegisterForReflection
public record ChallengeBody(String challenge) {
}
