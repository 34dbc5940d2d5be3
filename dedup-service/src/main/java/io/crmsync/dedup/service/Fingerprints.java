package io.crmsync.dedup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crmsync.contract.EventCodec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The content fingerprint of one source state: the platform's version if it has one, else the
 * source {@code updatedAt}, plus the SHA-256 of the canonical data. The hash is taken over the
 * decoded record re-serialised by the contract's mapper (fixed field order, nulls omitted), so
 * whitespace or unknown fields added upstream do not make a replay look new.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String sourceVersion, Instant updatedAt, Object canonicalData) {
        String version = sourceVersion != null && !sourceVersion.isBlank() ? "v:" + sourceVersion : "t:" + updatedAt;
        try {
            return version + "|sha256:" + sha256(EventCodec.mapper().writeValueAsBytes(canonicalData));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + canonicalData.getClass().getSimpleName(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
