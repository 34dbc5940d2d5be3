package io.crmsync.sandbox.storefront.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A generated order, platform-neutral, with exact decimal amounts that add up:
 * {@code total = subtotal - discount + shipping + tax}.
 *
 * @param number             the shop's order number (e.g. 1001)
 * @param email              as typed at this checkout (a repeat buyer may type it differently)
 * @param customerOrderCount how many orders the customer has placed, this one included
 * @param customerSpent      the customer's total spent, this order included
 */
public record SampleOrder(long key, int number, Instant createdAt, SampleCustomer customer, String email,
                          int customerOrderCount, BigDecimal customerSpent, SampleAddress billing,
                          SampleAddress shipping, List<SampleLine> lines, BigDecimal subtotal, BigDecimal discount,
                          String discountCode, String shippingTitle, BigDecimal shippingPrice, BigDecimal taxRate,
                          String taxTitle, BigDecimal tax, BigDecimal total, String currency, OrderState state,
                          boolean fulfilled, String note) {

    public boolean firstOrderOfCustomer() {
        return customerOrderCount == 1;
    }

    public int itemCount() {
        return lines.stream().mapToInt(SampleLine::quantity).sum();
    }

    public int grams() {
        return lines.stream().mapToInt(l -> l.product().grams() * l.quantity()).sum();
    }
}
