package io.crmsync.writer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** Names a CRM record the way commands do: tenant, CRM-neutral object type and record key. */
@Embeddable
public class CrmRecordId implements Serializable {

    @Column(name = "tenant", nullable = false)
    public String tenant;

    @Column(name = "crm_object_type", nullable = false)
    public String crmObjectType;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    protected CrmRecordId() {
    }

    public CrmRecordId(String tenant, String crmObjectType, String recordKey) {
        this.tenant = tenant;
        this.crmObjectType = crmObjectType;
        this.recordKey = recordKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrmRecordId id && tenant.equals(id.tenant) && crmObjectType.equals(id.crmObjectType)
                && recordKey.equals(id.recordKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, crmObjectType, recordKey);
    }
}
