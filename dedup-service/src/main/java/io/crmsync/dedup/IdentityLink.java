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

/** One identity value (store customer, email, phone + last name) and the golden contact it belongs to, with why. */
@Entity
@Table(name = "identity_link")
public class IdentityLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private IdentityKind kind;

    @Column(name = "value", nullable = false)
    private String value;

    @Column(name = "golden_key", nullable = false)
    private String goldenKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false)
    private LinkReason reason;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected IdentityLink() {
    }

    public IdentityLink(String tenant, IdentityKind kind, String value, String goldenKey, LinkReason reason,
                        String eventId, Instant linkedAt) {
        this.tenant = tenant;
        this.kind = kind;
        this.value = value;
        this.goldenKey = goldenKey;
        this.reason = reason;
        this.eventId = eventId;
        this.linkedAt = linkedAt;
    }

    public Long id() {
        return id;
    }

    public IdentityKind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public String goldenKey() {
        return goldenKey;
    }
}
