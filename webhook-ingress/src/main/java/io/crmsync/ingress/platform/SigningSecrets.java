package io.crmsync.ingress.platform;

import io.crmsync.commons.tenant.Store;

import java.util.stream.Stream;

/** The secrets a store's deliveries may be signed with: the current one, and the previous one during a rotation. */
public final class SigningSecrets {

    private SigningSecrets() {
    }

    /** A blank secret would let anyone sign: it never verifies. */
    public static Stream<String> of(Store store) {
        return Stream.concat(Stream.ofNullable(store.webhookSecret()), store.previousSecret().stream())
                .filter(secret -> !secret.isBlank());
    }
}
