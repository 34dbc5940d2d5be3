package io.crmsync.reconciler.accounting;

import java.time.Instant;

/**
 * One row of {@code source_object_state} and the rules that move it. Pure, so the rules are tested
 * without a broker: a receipt opens an object (or re-opens a settled one when it carries a newer
 * source version than the last settled one), a settling result closes it once it covers the newest
 * version received, a CRM read that does not find the record re-opens it.
 *
 * @param receivedVersion the newest source modification time received (null: no receipt said)
 * @param settledVersion  the newest {@code sourceUpdatedAt} of a settling result
 * @param awaiting        open: received (or found missing in the CRM) and not settled since
 * @param reason          why it is open: {@link #UNSETTLED}, {@link #UPDATE_UNSETTLED}, {@link #CRM_MISSING}
 */
public record ObjectState(Instant firstReceivedAt, Instant lastReceivedAt, String lastOrigin, Instant receivedVersion,
                          Instant lastSettledAt, String lastOutcome, String lastErrorClass, String crmId,
                          Instant settledVersion, boolean awaiting, String reason, int repairAttempts,
                          Instant lastRepairAt, String repairOutcome, Instant crmCheckedAt, String crmCheckOutcome) {

    public static final String UNSETTLED = "unsettled";
    public static final String UPDATE_UNSETTLED = "update-unsettled";
    public static final String CRM_MISSING = "crm-missing";

    /** The first thing known of an object is its receipt. */
    public static ObjectState firstReceipt(Instant at, String origin, Instant version) {
        return new ObjectState(at, at, origin, version, null, null, null, null, null, true, UNSETTLED, 0, null, null,
                null, null);
    }

    /** The first thing known of an object is its result (the two topics are read independently). */
    public static ObjectState firstResult(Instant at, String outcome, String errorClass, String crmId, Instant version) {
        return new ObjectState(at, at, null, null, at, outcome, errorClass, crmId, version, false, null, 0, null, null,
                null, null);
    }

    /**
     * Another receipt. A settled object re-opens only when the receipt names a source version newer
     * than the settled one: a repeated webhook or a poll's overlap of the same version produces no
     * CRM write (the dedup-service drops it), so re-opening on it would report a false mismatch.
     */
    public ObjectState received(Instant at, String origin, Instant version) {
        Instant last = later(lastReceivedAt, at);
        Instant newest = later(receivedVersion, version);
        boolean newerThanSettled = !awaiting && version != null && settledVersion != null && version.isAfter(settledVersion);
        if (newerThanSettled) {
            return new ObjectState(firstReceivedAt, last, origin, newest, lastSettledAt, lastOutcome, lastErrorClass, crmId,
                    settledVersion, true, UPDATE_UNSETTLED, 0, lastRepairAt, null, crmCheckedAt, crmCheckOutcome);
        }
        return new ObjectState(firstReceivedAt, last, origin, newest, lastSettledAt, lastOutcome, lastErrorClass, crmId,
                settledVersion, awaiting, reason, repairAttempts, lastRepairAt, repairOutcome, crmCheckedAt, crmCheckOutcome);
    }

    /**
     * A result settled the object (written, dry-run, dead-lettered: an outcome either way). An older
     * result than the last one applied changes nothing. The object closes when the result covers the
     * newest version received, or when either side does not say its version.
     */
    public ObjectState settled(Instant at, String outcome, String errorClass, String crmId, Instant version) {
        if (lastSettledAt != null && at.isBefore(lastSettledAt)) {
            return this;
        }
        Instant newest = later(settledVersion, version);
        boolean covers = receivedVersion == null || newest == null || !newest.isBefore(receivedVersion);
        boolean open = awaiting && !covers;
        return new ObjectState(firstReceivedAt, lastReceivedAt, lastOrigin, receivedVersion, at, outcome, errorClass,
                crmId != null ? crmId : this.crmId, newest, open, open ? reason : null, repairAttempts, lastRepairAt,
                repairOutcome, crmCheckedAt, crmCheckOutcome);
    }

    /** A sampled CRM read did not find the record: open again until a result settles it. */
    public ObjectState crmMissing(Instant at) {
        return new ObjectState(firstReceivedAt, lastReceivedAt, lastOrigin, receivedVersion, lastSettledAt, lastOutcome,
                lastErrorClass, crmId, settledVersion, true, CRM_MISSING, 0, lastRepairAt, null, at, "missing");
    }

    /** A sampled CRM read found the record. */
    public ObjectState crmPresent(Instant at) {
        return new ObjectState(firstReceivedAt, lastReceivedAt, lastOrigin, receivedVersion, lastSettledAt, lastOutcome,
                lastErrorClass, crmId, settledVersion, awaiting, reason, repairAttempts, lastRepairAt, repairOutcome, at,
                "present");
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }
}
