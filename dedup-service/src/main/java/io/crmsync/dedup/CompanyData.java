package io.crmsync.dedup;

import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one source says about a business, reduced to what a golden company keeps: the name as
 * written, and city, country and phone of the address it was read from. The country falls back
 * to the first billing address's, since a company read from billing text has no address of its own.
 */
public record CompanyData(String name, String city, String countryCode, String phone) {

    /** @return null when the company has no usable name */
    public static CompanyData of(Company company, List<Address> billingAddresses) {
        String name = blankToNull(company.name());
        if (name == null) {
            return null;
        }
        Address address = company.address() != null ? company.address()
                : billingAddresses == null ? null : billingAddresses.stream().filter(Objects::nonNull).findFirst().orElse(null);
        return address == null ? new CompanyData(name, null, null, null)
                : new CompanyData(name, blankToNull(address.city()), blankToNull(address.countryCode()),
                blankToNull(address.phone()));
    }

    /**
     * {@code <name folded>|<country>}: lower case, diacritics removed, only letters and digits
     * ("Müller & Söhne GmbH" = "MULLER SOHNE GMBH"), plus the ISO country (empty when unknown).
     * Legal forms are kept: "Acme GmbH" and "Acme AG" are different legal entities.
     */
    public String nameAndCountry() {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(folded::appendCodePoint);
        return folded + "|" + (countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
