package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.FieldRule;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The field-ownership rules as pure decisions: what one commerce value does to one golden field.
 * {@code GoldenContact.absorb} asks it field by field; nothing here touches a database.
 */
public final class FieldPolicy {

    /** What becomes of a proposed value. */
    public enum Verdict {
        /** The proposal replaces (or first fills) the golden value. */
        TAKE,
        /** The proposal is the value already held: only its source time is remembered. */
        CONFIRM,
        /** The golden value stays; nothing to report. */
        KEEP,
        /** The golden value stays and the proposal waits in the review queue. */
        CONFLICT
    }

    /**
     * What the golden record holds for a field.
     *
     * @param value  null when the field is empty
     * @param source source identity that set it; null when unknown (set before provenance was kept)
     * @param asOf   source time of the value; null when unknown
     */
    public record Held(String value, String source, Instant asOf) {
        public static final Held EMPTY = new Held(null, null, null);
    }

    /**
     * A value one commerce source states for a field.
     *
     * @param value  never null: an absent value proposes nothing (it is not a deletion)
     * @param source source identity ({@link SourceIdentity})
     * @param asOf   the source's {@code updatedAt}; null when the source gave none
     */
    public record Proposal(String value, String source, Instant asOf) {
        public Proposal {
            Objects.requireNonNull(value, "value");
        }
    }

    private FieldPolicy() {
    }

    /**
     * A single-valued field:
     * <ul>
     *   <li>an empty golden field takes the first value under every rule;</li>
     *   <li>the same value again is a confirmation;</li>
     *   <li>owner {@code crm}: a held value never changes;</li>
     *   <li>{@code last-write-wins}: the value replaces unless its source time is older than the held one's
     *       (an equal time replaces: same-second edits; a missing time on either side replaces);</li>
     *   <li>{@code source-wins}: the value replaces whatever the times: the last change processed wins;</li>
     *   <li>{@code manual-review}: from the source identity that set the held value it is that source's own
     *       update (last-write-wins between its states); from any other source, or when the setter is unknown,
     *       it is a conflict.</li>
     * </ul>
     */
    public static Verdict decide(FieldRule rule, Held held, Proposal proposal) {
        if (held.value() == null) {
            return Verdict.TAKE;
        }
        if (held.value().equals(proposal.value())) {
            return Verdict.CONFIRM;
        }
        if (rule.crmOwned()) {
            return Verdict.KEEP;
        }
        return switch (rule.strategy()) {
            case LAST_WRITE_WINS -> newerOrSame(held, proposal) ? Verdict.TAKE : Verdict.KEEP;
            case SOURCE_WINS -> Verdict.TAKE;
            case MANUAL_REVIEW -> held.source() != null && held.source().equals(proposal.source())
                    ? (newerOrSame(held, proposal) ? Verdict.TAKE : Verdict.KEEP)
                    : Verdict.CONFLICT;
            case MERGE -> throw new IllegalArgumentException("merge applies to multi-valued fields only");
        };
    }

    /**
     * A multi-valued field: the union of held and proposed values, held ones first, each once, in the
     * order first seen. A CRM-owned field takes values only while it is empty.
     */
    public static List<String> merge(FieldRule rule, List<String> held, List<String> proposed) {
        if (rule.crmOwned() && !held.isEmpty()) {
            return held;
        }
        Set<String> union = new LinkedHashSet<>(held);
        proposed.stream().filter(Objects::nonNull).forEach(union::add);
        return List.copyOf(union);
    }

    private static boolean newerOrSame(Held held, Proposal proposal) {
        return held.asOf() == null || proposal.asOf() == null || !proposal.asOf().isBefore(held.asOf());
    }
}
