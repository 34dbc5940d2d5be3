package io.crmsync.sandbox.storefront.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Credential checks of the simulated admin APIs against the registry's values. */
final class Credentials {

    private Credentials() {
    }

    /** Constant-time, as any credential comparison should be; a missing value never matches. */
    static boolean matches(String given, String expected) {
        return given != null && expected != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
