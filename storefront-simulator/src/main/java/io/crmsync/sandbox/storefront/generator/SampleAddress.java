package io.crmsync.sandbox.storefront.generator;

/** A postal address, platform-neutral; {@code phone} in the country's national format. */
public record SampleAddress(String firstName, String lastName, String company, String street, String street2,
                            String city, String province, String provinceCode, String zip, String country,
                            String countryCode, String phone) {
}
