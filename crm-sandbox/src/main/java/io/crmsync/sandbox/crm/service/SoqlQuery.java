package io.crmsync.sandbox.crm.service;

import java.util.List;

/**
 * The SOQL subset the sandbox answers: {@code SELECT f1, f2 FROM SObject [WHERE field = 'a' |
 * WHERE field IN ('a', 'b')]}. Names keep their offset in {@link #text} so that errors can point
 * at them as Salesforce does.
 *
 * @param where null without a WHERE clause
 */
public record SoqlQuery(String text, List<Name> fields, Name sObject, Name where, List<String> values) {

    public SoqlQuery {
        fields = List.copyOf(fields);
        values = List.copyOf(values);
    }

    /** @param offset zero-based position of the name in the query text */
    public record Name(String name, int offset) {
    }
}
