package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one record of a person within a tenant that every storefront identity of that person
 * resolves to. Its key names the CRM contact, so it never changes, even when the email does.
 */
@Entity
@Table(name = "golden_contact")
public class GoldenContact {

    static final String KEY_PREFIX = "gc-";

    @Id
    @Column(name = "golden_key")
    private String key;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "email")
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "phone")
    private String phone;

    @Column(name = "data_as_of")
    private Instant dataAsOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    /** Set when this record was merged into another: the survivor's key. The row stays, the key is never reused. */
    @Column(name = "merged_into")
    private String mergedInto;

    @Column(name = "merged_at")
    private Instant mergedAt;

    protected GoldenContact() {
    }

    private GoldenContact(String key, String tenant, Instant now) {
        this.key = key;
        this.tenant = tenant;
        this.createdAt = now;
        this.changedAt = now;
    }

    public static GoldenContact create(String tenant, Instant now) {
        return new GoldenContact(KEY_PREFIX + UUID.randomUUID(), tenant, now);
    }

    /**
     * Takes the non-empty fields of {@code data} unless the record already holds data from a
     * newer source state: a late, older event must not undo a fresher one.
     *
     * @return whether the fields were taken
     */
    public boolean absorb(ContactData data, Instant asOf, Instant now) {
        if (dataAsOf != null && asOf != null && asOf.isBefore(dataAsOf)) {
            return false;
        }
        email = data.email() != null ? data.email() : email;
        firstName = data.firstName() != null ? data.firstName() : firstName;
        lastName = data.lastName() != null ? data.lastName() : lastName;
        phone = data.phone() != null ? data.phone() : phone;
        if (asOf != null) {
            dataAsOf = asOf;
        }
        changedAt = now;
        return true;
    }

    /** The contact's fields under the command contract's neutral names; empty ones left out. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfPresent(fields, "email", email);
        putIfPresent(fields, "firstName", firstName);
        putIfPresent(fields, "lastName", lastName);
        putIfPresent(fields, "phone", phone);
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    public String key() {
        return key;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Source time of the newest data in the fields; what a merge hands to the survivor's {@link #absorb}. */
    public Instant dataAsOf() {
        return dataAsOf;
    }

    /** The fields as one source's data, for the survivor of a merge to absorb. */
    public ContactData data() {
        return new ContactData(email, firstName, lastName, phone);
    }

    /** Null while this record is live; else the key of the record it was merged into. */
    public String mergedInto() {
        return mergedInto;
    }

    /** Retired by a merge: lookups of this key lead to {@code survivorKey} from now on. */
    public void retireInto(String survivorKey, Instant now) {
        mergedInto = survivorKey;
        mergedAt = now;
        changedAt = now;
    }

    /** Live again after its merge was undone, with the fields it had when it was merged. */
    public void reinstate(Instant now) {
        mergedInto = null;
        mergedAt = null;
        changedAt = now;
    }

    /**
     * Undo of a merge on the survivor: each field the merge changed ({@code before} differs from
     * {@code after}) and that nothing changed since (still {@code after}) gets its value from
     * before the merge back. A field updated after the merge keeps its newer value.
     */
    public void restoreFields(Map<String, String> before, Map<String, String> after, Instant now) {
        email = restored("email", email, before, after);
        firstName = restored("firstName", firstName, before, after);
        lastName = restored("lastName", lastName, before, after);
        phone = restored("phone", phone, before, after);
        changedAt = now;
    }

    private static String restored(String field, String current, Map<String, String> before, Map<String, String> after) {
        String was = before.get(field);
        String set = after.get(field);
        boolean changedByMerge = !Objects.equals(was, set);
        boolean untouchedSince = Objects.equals(current == null || current.isBlank() ? null : current, set);
        return changedByMerge && untouchedSince ? was : current;
    }

    public String tenant() {
        return tenant;
    }
}
