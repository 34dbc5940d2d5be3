package io.crmsync.e2e;

/**
 * Storefront objects written by us from the platforms' documented REST shapes (WooCommerce REST
 * API v3, BigCommerce v2 Orders), with the rules' edge cases: padded upper-case e-mails,
 * national phone numbers, diacritics, a B2B billing company, two shipping addresses.
 */
final class StorefrontPayloads {

    private StorefrontPayloads() {
    }

    /** A guest order (customer_id 0) paid by bank transfer and being processed; 71.32 + 4.90 + 13.58 = 89.80. */
    static String wooGuestOrder(long id, String email) {
        return wooGuestOrder(id, email, "Zoë", "Müller-Łukasiewicz", "089 1234567");
    }

    static String wooGuestOrder(long id, String email, String firstName, String lastName, String phone) {
        return """
                {
                  "id": %d, "parent_id": 0, "number": "%d", "order_key": "wc_order_e2e%d", "created_via": "checkout",
                  "version": "8.5.1", "status": "processing", "currency": "EUR",
                  "date_created": "2026-03-02T11:00:00", "date_created_gmt": "2026-03-02T10:00:00",
                  "discount_total": "0.00", "discount_tax": "0.00", "shipping_total": "4.90", "shipping_tax": "0.00",
                  "cart_tax": "13.58", "total": "89.80", "total_tax": "13.58", "prices_include_tax": false,
                  "customer_id": 0,
                  "billing": {"first_name": "%s", "last_name": "%s", "company": "",
                              "address_1": "Hauptstraße 1", "address_2": "", "city": "München", "state": "BY",
                              "postcode": "80331", "country": "DE", "email": "%s", "phone": "%s"},
                  "shipping": {"first_name": "Jörg", "last_name": "Bäcker", "company": "", "address_1": "Königsallee 2",
                               "address_2": "", "city": "Düsseldorf", "state": "NW", "postcode": "40212", "country": "DE"},
                  "payment_method": "bacs", "payment_method_title": "Direct bank transfer",
                  "line_items": [{"id": %d, "name": "Öko-T-Shirt", "product_id": 93, "variation_id": 0, "quantity": 2,
                                  "tax_class": "", "subtotal": "71.32", "subtotal_tax": "13.58", "total": "71.32",
                                  "total_tax": "13.58", "sku": "TEE-OEKO", "price": 35.66}],
                  "shipping_lines": [{"id": %d, "method_title": "Flat rate", "method_id": "flat_rate", "total": "4.90", "total_tax": "0.00"}],
                  "refunds": []
                }
                """.formatted(id, id, id, firstName, lastName, email, phone, id + 1, id + 2);
    }

    static String wooCustomer(long id, String email) {
        return """
                {
                  "id": %d, "date_created": "2026-03-01T09:00:00", "date_created_gmt": "2026-03-01T08:00:00",
                  "email": "%s", "first_name": "Åsa", "last_name": "Öberg", "role": "customer", "username": "asa%d",
                  "billing": {"first_name": "Åsa", "last_name": "Öberg", "company": "", "address_1": "Storgatan 1",
                              "address_2": "", "city": "Malmö", "state": "", "postcode": "211 34", "country": "SE",
                              "email": "%s", "phone": "070-123 45 67"},
                  "shipping": {"first_name": "", "last_name": "", "company": "", "address_1": "", "address_2": "",
                               "city": "", "state": "", "postcode": "", "country": ""},
                  "is_paying_customer": false, "avatar_url": "https://secure.gravatar.com/avatar/0?s=96"
                }
                """.formatted(id, email, id, email);
    }

    /** A v2 order awaiting fulfillment, shipped to two addresses; the simulator keeps the arrays as sub-resources. */
    static String bigCommerceOrder(long id, String email) {
        return """
                {
                  "id": %d, "customer_id": 0, "status_id": 11, "status": "Awaiting Fulfillment",
                  "subtotal_ex_tax": "100.0000", "subtotal_inc_tax": "119.0000", "subtotal_tax": "19.0000",
                  "shipping_cost_ex_tax": "4.9000", "shipping_cost_inc_tax": "4.9000", "total_ex_tax": "104.9000",
                  "total_inc_tax": "123.9000", "total_tax": "19.0000", "discount_amount": "0.0000",
                  "coupon_discount": "0.0000", "items_total": 1, "items_shipped": 0, "payment_method": "Credit Card",
                  "currency_code": "USD", "default_currency_code": "USD", "refunded_amount": "0.0000",
                  "billing_address": {"first_name": "Hank", "last_name": "Scorpio", "company": "Globex Corporation",
                                      "street_1": "1 Cypress Creek", "street_2": "", "city": "Springfield", "state": "Oregon",
                                      "zip": "97477", "country": "United States", "country_iso2": "US",
                                      "phone": "(541) 754-3010", "email": "%s"},
                  "products": [{"id": %d, "order_id": %d, "product_id": 77, "variant_id": 0, "name": "Doomsday device",
                                "sku": "DD-1", "quantity": 1, "base_price": "100.0000", "price_ex_tax": "100.0000",
                                "price_inc_tax": "119.0000", "total_ex_tax": "100.0000", "total_inc_tax": "119.0000",
                                "product_options": []}],
                  "shipping_addresses": [
                    {"id": %d, "order_id": %d, "first_name": "Hank", "last_name": "Scorpio", "company": "Globex Corporation",
                     "street_1": "1 Cypress Creek", "street_2": "", "city": "Springfield", "state": "Oregon", "zip": "97477",
                     "country": "United States", "country_iso2": "US", "phone": "(541) 754-3010", "email": "%s"},
                    {"id": %d, "order_id": %d, "first_name": "Frank", "last_name": "Grimes", "company": "",
                     "street_1": "742 Evergreen Terrace", "street_2": "", "city": "Springfield", "state": "Oregon",
                     "zip": "97403", "country": "United States", "country_iso2": "US", "phone": "", "email": ""}
                  ],
                  "coupons": []
                }
                """.formatted(id, email, id * 10, id, id * 10 + 1, id, email, id * 10 + 2, id);
    }

    /** A Shopify customer resource; {@code updatedAt} null lets the simulator stamp it. */
    static String shopifyCustomer(long id, String email, String firstName, String lastName, String updatedAt) {
        return """
                {"id": %d, "email": "%s", "first_name": "%s", "last_name": "%s", "phone": null,
                 "created_at": "2026-03-01T10:00:00+01:00"%s,
                 "email_marketing_consent": {"state": "not_subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": null},
                 "addresses": []}
                """.formatted(id, email, firstName, lastName, updatedAt == null ? "" : ", \"updated_at\": \"" + updatedAt + "\"");
    }

    /** A WooCommerce customer resource with an empty address book. */
    static String wooCustomer(long id, String email, String firstName, String lastName) {
        return """
                {"id": %d, "date_created": "2026-03-01T09:00:00", "date_created_gmt": "2026-03-01T08:00:00",
                 "email": "%s", "first_name": "%s", "last_name": "%s", "role": "customer", "username": "u%d",
                 "billing": {"first_name": "%s", "last_name": "%s", "company": "", "address_1": "", "address_2": "",
                             "city": "", "state": "", "postcode": "", "country": "", "email": "%s", "phone": ""},
                 "shipping": {"first_name": "", "last_name": "", "company": "", "address_1": "", "address_2": "",
                              "city": "", "state": "", "postcode": "", "country": ""},
                 "is_paying_customer": false}
                """.formatted(id, email, firstName, lastName, id, firstName, lastName, email);
    }

    /** A paid Shopify order of one line, by a customer of its own (no phone: identities by e-mail only). */
    static String shopifyOrder(long id, String email, String lastName, String createdAt) {
        return """
                {
                  "id": %d, "name": "#%d", "order_number": %d, "email": "%s", "phone": null,
                  "created_at": "%s", "updated_at": "%s", "processed_at": "%s",
                  "currency": "EUR", "presentment_currency": "EUR", "subtotal_price": "40.00", "total_discounts": "0.00",
                  "total_tax": "0.00", "total_price": "40.00", "financial_status": "paid", "fulfillment_status": null,
                  "cancelled_at": null, "closed_at": null, "buyer_accepts_marketing": false,
                  "customer": {"id": %d, "email": "%s", "first_name": "Load", "last_name": "%s", "phone": null,
                               "created_at": "%s", "updated_at": "%s"},
                  "billing_address": {"first_name": "Load", "last_name": "%s", "company": null, "address1": "Ring 1",
                                      "address2": null, "city": "Wien", "province": null, "zip": "1010",
                                      "country": "Austria", "country_code": "AT", "phone": null},
                  "line_items": [{"id": %d, "product_id": 1, "variant_id": 2, "sku": "TEA-1", "title": "Tea",
                                  "variant_title": null, "quantity": 1, "price": "40.00", "total_discount": "0.00"}]
                }
                """.formatted(id, id % 100_000, id % 100_000, email, createdAt, createdAt, createdAt, id + 7, email,
                lastName, createdAt, createdAt, lastName, id + 3);
    }
}
