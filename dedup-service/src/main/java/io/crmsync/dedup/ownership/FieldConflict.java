package io.crmsync.dedup.ownership;

/** A proposed value held back for review; values are personal data: never log them. */
public record FieldConflict(String field, String currentValue, String proposedValue) {
}
