package io.crmsync.dedup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One business per tenant (B2B) that contacts and deals are associated with; its key never changes. */
@Entity
@Table(name = "golden_company")
public class GoldenCompany {

    static final String KEY_PREFIX = "co-";

    @Id
    @Column(name = "company_key")
    private String key;

    @Column(name = "tenant", nullable = false)
    private String tenant;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "city")
    private String city;

    @Column(name = "country_code")
    private String countryCode;

    @Column(name = "phone")
    private String phone;

    @Column(name = "data_as_of")
    private Instant dataAsOf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected GoldenCompany() {
    }

    private GoldenCompany(String tenant, CompanyData data, Instant now) {
        this.key = KEY_PREFIX + UUID.randomUUID();
        this.tenant = tenant;
        this.name = data.name();
        this.createdAt = now;
        this.changedAt = now;
    }

    public static GoldenCompany create(String tenant, CompanyData data, Instant now) {
        return new GoldenCompany(tenant, data, now);
    }

    /**
     * Takes the non-empty fields of {@code data} unless the record holds data from a newer source
     * state (the same freshness rule as a golden contact's).
     */
    public boolean absorb(CompanyData data, Instant asOf, Instant now) {
        if (dataAsOf != null && asOf != null && asOf.isBefore(dataAsOf)) {
            return false;
        }
        name = data.name();
        city = data.city() != null ? data.city() : city;
        countryCode = data.countryCode() != null ? data.countryCode() : countryCode;
        phone = data.phone() != null ? data.phone() : phone;
        if (asOf != null) {
            dataAsOf = asOf;
        }
        changedAt = now;
        return true;
    }

    /** The company's fields under the command contract's neutral names; empty ones left out. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        if (city != null) {
            fields.put("city", city);
        }
        if (countryCode != null) {
            fields.put("countryCode", countryCode);
        }
        if (phone != null) {
            fields.put("phone", phone);
        }
        return fields;
    }

    public String key() {
        return key;
    }
}
