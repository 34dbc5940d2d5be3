package io.crmsync.sandbox.storefront.generator;

import java.time.Instant;

/**
 * A buyer, platform-neutral.
 *
 * @param key          distinct within one generation; the shapers derive platform ids from it
 * @param email        as the buyer first typed it (case and surrounding spaces kept)
 * @param phone        national format of the address country, or null
 * @param phoneE164    the same number in E.164 (Shopify stores customer phones that way), or null
 * @param consent      email marketing consent: {@code subscribed}, {@code not_subscribed} or {@code unknown}
 */
public record SampleCustomer(long key, String firstName, String lastName, String email, String phone,
                             String phoneE164, SampleAddress address, String consent, Instant createdAt,
                             String locale) {
}
