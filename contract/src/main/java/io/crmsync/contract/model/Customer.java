package io.crmsync.contract.model;

import java.time.Instant;
import java.util.List;

/**
 * Canonical customer v1. {@code email} is trimmed and lower-cased, {@code phone} E.164; the raw
 * values are kept beside them.
 */
public record Customer(
        SourceRef source,
        String email,
        String emailRaw,
        String phone,
        String phoneRaw,
        String firstName,
        String lastName,
        Consent emailMarketingConsent,
        List<Address> addresses,
        Instant createdAt,
        Instant updatedAt,
        String sourceVersion,
        /* B2B: the company the customer's default (billing) address names; added in v1.1 */
        Company company) {
}
