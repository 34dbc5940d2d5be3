package io.crmsync.sandbox.storefront.generator;

import java.math.BigDecimal;

/**
 * One order line with exact amounts.
 *
 * @param subtotal price × quantity
 * @param discount this line's share of the order discount
 * @param tax      tax on the discounted line
 */
public record SampleLine(long key, SampleProduct product, int quantity, BigDecimal subtotal, BigDecimal discount,
                         BigDecimal tax) {

    public BigDecimal total() {
        return subtotal.subtract(discount);
    }
}
