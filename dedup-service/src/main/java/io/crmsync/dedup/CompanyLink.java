package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One company identity value and the golden company it belongs to, with why. */
@Entity
@Table(name = "company_link")
public class CompanyLink {

    /** Company identity values, strongest first. */
    public enum Kind {
        /** {@code platform:storeId:companyId}: the platform's own company object (Adobe Commerce B2B). */
        COMPANY_SOURCE,
        /** {@link CompanyData#nameAndCountry()}: normalised name plus billing country. */
        NAME_AND_COUNTRY
    }

    public enum Reason {
        /** Nothing matched: the value created the golden company. */
        FIRST_SEEN,
        /** Attached because the platform's company object already belonged to the golden company. */
        SAME_COMPANY_SOURCE,
        /** Attached because the normalised name and country already belonged to the golden company. */
        SAME_NAME_AND_COUNTRY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private Kind kind;

    @Column(name = "value", nullable = false)
    private String value;

    @Column(name = "company_key", nullable = false)
    private String companyKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    private Reason reason;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected CompanyLink() {
    }

    public CompanyLink(String tenant, Kind kind, String value, String companyKey, Reason reason, String eventId,
                       Instant linkedAt) {
        this.tenant = tenant;
        this.kind = kind;
        this.value = value;
        this.companyKey = companyKey;
        this.reason = reason;
        this.eventId = eventId;
        this.linkedAt = linkedAt;
    }

    public String companyKey() {
        return companyKey;
    }
}
