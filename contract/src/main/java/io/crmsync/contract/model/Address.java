package io.crmsync.contract.model;

/**
 * A postal address. Phone as E.164 where it could be parsed (with the country as region hint),
 * the source's text kept in {@code phoneRaw}.
 */
public record Address(
        String firstName,
        String lastName,
        String company,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        /* ISO 3166-1 alpha-2 */
        String countryCode,
        String phone,
        String phoneRaw) {
}
