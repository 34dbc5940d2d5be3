package io.crmsync.commons.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A CRM account's field-ownership rules ({@code crm.fieldOwnership} in the registry): per CRM object
 * type and field, who is the source of truth and how commerce changes are taken. Fields without a
 * rule get the default: commerce-owned, {@code last-write-wins}, and {@code merge} for multi-valued
 * fields ({@code additionalEmails}).
 */
public final class FieldOwnership {

    public static final String CONTACT = "contact";

    /** The contact fields the golden record keeps, single-valued. */
    public static final Set<String> CONTACT_FIELDS = Set.of("email", "firstName", "lastName", "phone");
    /** The contact fields holding several values (HubSpot {@code hs_additional_emails}). */
    public static final Set<String> CONTACT_MULTI_VALUED_FIELDS = Set.of("additionalEmails");

    /** Every field left to its default. */
    public static final FieldOwnership DEFAULTS = new FieldOwnership(Map.of());

    private final Map<String, Map<String, FieldRule>> rules;

    /** @param rules object type to field to rule, already validated ({@link #validated}) */
    private FieldOwnership(Map<String, Map<String, FieldRule>> rules) {
        Map<String, Map<String, FieldRule>> copy = new LinkedHashMap<>();
        rules.forEach((type, fields) -> copy.put(type, Map.copyOf(fields)));
        this.rules = Map.copyOf(copy);
    }

    /**
     * Checks object types, field names and that {@code merge} is used for multi-valued fields only
     * (and the only commerce strategy a multi-valued field can have).
     *
     * @throws IllegalArgumentException naming the object type and field at fault
     */
    public static FieldOwnership validated(Map<String, Map<String, FieldRule>> rules) {
        rules.forEach((type, fields) -> {
            if (!CONTACT.equals(type)) {
                throw new IllegalArgumentException("unknown CRM object type '" + type + "' (known: " + CONTACT + ")");
            }
            fields.forEach((field, rule) -> {
                boolean multi = CONTACT_MULTI_VALUED_FIELDS.contains(field);
                if (!multi && !CONTACT_FIELDS.contains(field)) {
                    throw new IllegalArgumentException("unknown field " + type + "." + field + " (known: "
                            + String.join(", ", knownContactFields()) + ")");
                }
                if (rule.strategy() == FieldStrategy.MERGE && !multi) {
                    throw new IllegalArgumentException("field " + type + "." + field
                            + " holds one value: strategy merge is for multi-valued fields");
                }
                if (multi && rule.strategy() != null && rule.strategy() != FieldStrategy.MERGE) {
                    throw new IllegalArgumentException("field " + type + "." + field
                            + " is multi-valued: its strategy can only be merge");
                }
            });
        });
        return new FieldOwnership(rules);
    }

    /** The effective rule of a contact field: the configured one, else the default. */
    public FieldRule contact(String field) {
        return Optional.ofNullable(rules.getOrDefault(CONTACT, Map.of()).get(field))
                .orElseGet(() -> defaultRule(field));
    }

    public static FieldRule defaultRule(String field) {
        return FieldRule.commerce(defaultStrategy(field));
    }

    /** What a commerce-owned field gets when its rule names no strategy. */
    public static FieldStrategy defaultStrategy(String field) {
        return CONTACT_MULTI_VALUED_FIELDS.contains(field) ? FieldStrategy.MERGE : FieldStrategy.LAST_WRITE_WINS;
    }

    private static List<String> knownContactFields() {
        return Stream.concat(CONTACT_FIELDS.stream(), CONTACT_MULTI_VALUED_FIELDS.stream()).sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldOwnership other && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "FieldOwnership" + rules;
    }
}
