package io.crmsync.normalizer.mapping;

import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;

/**
 * B2B companies on platforms without a company object: the company text of the billing address
 * (a customer's default address), as written. A shipping address's company is where a parcel
 * goes, not who buys, so it never makes a company.
 */
public final class Companies {

    private Companies() {
    }

    /** @return null when the address is absent or names no company */
    public static Company fromBillingAddress(Address billing, String taxId) {
        if (billing == null || billing.company() == null || billing.company().isBlank()) {
            return null;
        }
        return new Company(null, billing.company().strip(), taxId, billing);
    }

    public static Company fromBillingAddress(Address billing) {
        return fromBillingAddress(billing, null);
    }
}
