package io.crmsync.dedup;

import io.crmsync.commons.tenant.FieldOwner;
import io.crmsync.commons.tenant.FieldOwnership;
import io.crmsync.commons.tenant.FieldRule;
import io.crmsync.commons.tenant.FieldStrategy;
import io.crmsync.dedup.ownership.Absorption;
import io.crmsync.dedup.ownership.ContactUpdate;
import io.crmsync.dedup.ownership.FieldConflict;
import io.crmsync.dedup.ownership.FieldPolicy;
import io.crmsync.dedup.ownership.FieldSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one record of a person within a tenant that every storefront identity of that person
 * resolves to. Its key names the CRM contact, so it never changes, even when the email does.
 */
@Entity
@Table(name = "golden_contact")
public class GoldenContact {

    static final String KEY_PREFIX = "gc-";
    private static final String ADDITIONAL_EMAILS = "additionalEmails";

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

    /** Former primary emails, oldest first (HubSpot {@code hs_additional_emails}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "additional_emails", nullable = false, columnDefinition = "jsonb")
    private List<String> additionalEmails = new ArrayList<>();

    /** Field name to who set its value, as of when, and its owner then. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "field_sources", nullable = false, columnDefinition = "jsonb")
    private Map<String, FieldSource> fieldSources = new LinkedHashMap<>();

    /** Fields set in this transaction: a CRM-owned field is sent with the change that set it only. */
    @Transient
    private final Set<String> setNow = new HashSet<>();

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
     * Takes what {@code update} proposes field by field under the tenant's field-ownership rules
     * ({@link FieldPolicy}): a value may replace, only confirm, be ignored, or be held back as a
     * conflict for review. An email that is replaced is kept among the additional emails
     * ({@code additionalEmails}, merged under its own rule). Each field remembers which source set it,
     * as of when, and its owner at the time.
     */
    public Absorption absorb(FieldOwnership rules, ContactUpdate update, Instant now) {
        return absorb(rules::contact, rules, update, now);
    }

    /**
     * An operator accepted the values of {@code update} from the review queue: they replace the
     * golden values whatever the field's rule would decide (the previous email still goes to the
     * additional emails under their rule).
     */
    public Absorption acceptReviewed(FieldOwnership rules, ContactUpdate update, Instant now) {
        return absorb(field -> FieldRule.commerce(FieldStrategy.SOURCE_WINS), rules, update, now);
    }

    private Absorption absorb(Function<String, FieldRule> ruleOf, FieldOwnership rules, ContactUpdate update,
                              Instant now) {
        Map<String, FieldSource> sources = new LinkedHashMap<>(fieldSources);
        List<FieldConflict> conflicts = new ArrayList<>();
        boolean changed = false;
        String previousEmail = email;
        Map<String, String> proposed = new LinkedHashMap<>();
        proposed.put("email", update.data().email());
        proposed.put("firstName", update.data().firstName());
        proposed.put("lastName", update.data().lastName());
        proposed.put("phone", update.data().phone());
        for (Map.Entry<String, String> field : proposed.entrySet()) {
            String name = field.getKey();
            String held = value(name);
            FieldRule rule = ruleOf.apply(name);
            FieldSource provenance = provenance(sources, name);
            if (held != null) {
                // Owners follow the rules in force: a field made CRM-owned stops being sent from now on.
                sources.put(name, new FieldSource(provenance.source(), provenance.asOf(), rules.contact(name).owner()));
            }
            if (field.getValue() == null) {
                continue;
            }
            FieldPolicy.Proposal proposal = new FieldPolicy.Proposal(field.getValue(), update.sourceIdentity(), update.asOf());
            switch (FieldPolicy.decide(rule, new FieldPolicy.Held(held, provenance.source(), provenance.asOf()), proposal)) {
                case TAKE -> {
                    setValue(name, field.getValue());
                    sources.put(name, new FieldSource(proposal.source(), update.asOf(), rules.contact(name).owner()));
                    setNow.add(name);
                    changed = true;
                }
                case CONFIRM -> sources.put(name, new FieldSource(provenance.source(), later(provenance.asOf(), update.asOf()),
                        rules.contact(name).owner()));
                case CONFLICT -> conflicts.add(new FieldConflict(name, held, field.getValue()));
                case KEEP -> {
                }
            }
        }
        List<String> previous = previousEmail == null || previousEmail.equals(email) ? List.of() : List.of(previousEmail);
        FieldRule additionalRule = rules.contact(ADDITIONAL_EMAILS);
        // The primary email is never also an additional one (it can come back after a change).
        List<String> additional = FieldPolicy.merge(additionalRule, additionalEmails, previous).stream()
                .filter(e -> !e.equals(email)).toList();
        if (!additional.equals(additionalEmails)) {
            additionalEmails = new ArrayList<>(additional);
            sources.put(ADDITIONAL_EMAILS, new FieldSource(update.sourceIdentity(), update.asOf(), additionalRule.owner()));
            setNow.add(ADDITIONAL_EMAILS);
            changed = true;
        } else if (!additionalEmails.isEmpty()) {
            FieldSource provenance = provenance(sources, ADDITIONAL_EMAILS);
            sources.put(ADDITIONAL_EMAILS, new FieldSource(provenance.source(), provenance.asOf(), additionalRule.owner()));
        }
        fieldSources = sources;
        dataAsOf = later(dataAsOf, update.asOf());
        if (changed) {
            changedAt = now;
        }
        return new Absorption(changed, List.copyOf(conflicts));
    }

    /**
     * A merge: this record (the survivor) takes over what the retired one knew. Per field, the value
     * from the newer source state wins and keeps its provenance; a CRM-owned field keeps the
     * survivor's value when it has one (the CRM is its source of truth). No conflict is raised: the
     * two records were one person all along. The retired record's emails join the additional emails.
     *
     * @return whether this record changed
     */
    public boolean absorbMerged(FieldOwnership rules, GoldenContact retired, Instant now) {
        Map<String, FieldSource> sources = new LinkedHashMap<>(fieldSources);
        String previousEmail = email;
        boolean changed = false;
        for (String name : List.of("email", "firstName", "lastName", "phone")) {
            String theirs = retired.value(name);
            String mine = value(name);
            if (theirs == null || theirs.equals(mine)) {
                continue;
            }
            FieldSource their = retired.provenance(retired.fieldSources, name);
            FieldSource my = provenance(sources, name);
            boolean crmOwned = rules.contact(name).owner() == FieldOwner.CRM;
            boolean newer = their.asOf() != null && (my.asOf() == null || their.asOf().isAfter(my.asOf()));
            if (mine == null || (!crmOwned && newer)) {
                setValue(name, theirs);
                sources.put(name, new FieldSource(their.source(), their.asOf(), rules.contact(name).owner()));
                setNow.add(name);
                changed = true;
            }
        }
        List<String> incoming = new ArrayList<>(retired.additionalEmails);
        Stream.of(retired.email, previousEmail).filter(Objects::nonNull).forEach(incoming::add);
        List<String> additional = FieldPolicy.merge(rules.contact(ADDITIONAL_EMAILS), additionalEmails, incoming).stream()
                .filter(e -> !e.equals(email)).distinct().toList();
        if (!additional.equals(additionalEmails)) {
            additionalEmails = new ArrayList<>(additional);
            sources.put(ADDITIONAL_EMAILS, new FieldSource(null, later(dataAsOf, retired.dataAsOf),
                    rules.contact(ADDITIONAL_EMAILS).owner()));
            setNow.add(ADDITIONAL_EMAILS);
            changed = true;
        }
        fieldSources = sources;
        dataAsOf = later(dataAsOf, retired.dataAsOf);
        if (changed) {
            changedAt = now;
        }
        return changed;
    }

    /** A field set before provenance was kept is attributed to nobody, as of the record's data time. */
    private FieldSource provenance(Map<String, FieldSource> sources, String field) {
        FieldSource known = sources.get(field);
        return known != null ? known : new FieldSource(null, dataAsOf, FieldOwner.COMMERCE);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private String value(String field) {
        return switch (field) {
            case "email" -> email;
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "phone" -> phone;
            default -> throw new IllegalArgumentException("no contact field " + field);
        };
    }

    private void setValue(String field, String value) {
        switch (field) {
            case "email" -> email = value;
            case "firstName" -> firstName = value;
            case "lastName" -> lastName = value;
            case "phone" -> phone = value;
            default -> throw new IllegalArgumentException("no contact field " + field);
        }
    }

    /**
     * The contact's fields under the command contract's neutral names; empty ones left out, and so
     * are CRM-owned ones except in the change that first set them (the CRM is their source of truth).
     */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfSendable(fields, "email", email);
        putIfSendable(fields, "firstName", firstName);
        putIfSendable(fields, "lastName", lastName);
        putIfSendable(fields, "phone", phone);
        putIfSendable(fields, ADDITIONAL_EMAILS, additionalEmails.isEmpty() ? null : String.join(";", additionalEmails));
        return fields;
    }

    private void putIfSendable(Map<String, String> fields, String name, String value) {
        FieldSource source = fieldSources.get(name);
        boolean handedToCrm = source != null && source.owner() == FieldOwner.CRM && !setNow.contains(name);
        if (!handedToCrm) {
            putIfPresent(fields, name, value);
        }
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

    /** Source time of the newest data in the fields. */
    public Instant dataAsOf() {
        return dataAsOf;
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
        // The primary email is never also an additional one.
        additionalEmails = new ArrayList<>(additionalEmails.stream().filter(e -> !e.equals(email)).toList());
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
