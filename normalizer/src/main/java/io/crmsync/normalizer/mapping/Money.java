package io.crmsync.normalizer.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Money as exact decimals: read from the JSON text (platforms send amounts as strings such as
 * {@code "199.00"}; numeric amounts arrive as {@code BigDecimal} through {@code EventCodec}, which reads numbers exactly),
 * written as plain decimal strings with the source's scale. Never a float.
 */
public final class Money {

    private Money() {
    }

    /** The amount in {@code field}, or null when absent. */
    public static BigDecimal amount(JsonNode parent, String field) {
        if (!JsonFields.present(parent, field)) {
            return null;
        }
        JsonNode node = parent.get(field);
        if (node.isBigDecimal() || node.isIntegralNumber()) {
            return node.decimalValue();
        }
        if (node.isNumber()) {
            // A double here means the payload bypassed EventCodec: refuse rather than guess digits.
            throw new MappingException("field '" + field + "' was read as a binary float, not an exact decimal");
        }
        try {
            return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            throw new MappingException("field '" + field + "' is not a decimal amount", e);
        }
    }

    public static BigDecimal requiredAmount(JsonNode parent, String field) {
        BigDecimal amount = amount(parent, field);
        if (amount == null) {
            throw new MappingException("required amount '" + field + "' is missing");
        }
        return amount;
    }

    /** The contract's decimal string ({@code ^-?\d+(\.\d+)?$}), or null. */
    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** An ISO-4217 currency code, upper-cased; an unknown code is a mapping error. */
    public static String currency(String code, String field) {
        if (code == null) {
            throw new MappingException("required currency '" + field + "' is missing");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(upper).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new MappingException("field '" + field + "' is not an ISO-4217 currency code", e);
        }
    }
}
