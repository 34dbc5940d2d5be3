package io.crmsync.commons.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads and validates the tenant registry YAML ({@code tenants:} a list of tenants, each with
 * {@code id}, {@code liveSince}, {@code crm} and {@code stores}), resolving secret references.
 * {@code crm.fieldOwnership} is optional; absent rules take {@link FieldOwnership}'s defaults.
 */
public final class TenantRegistryLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final SecretReference secrets;

    public TenantRegistryLoader() {
        this(System::getenv);
    }

    TenantRegistryLoader(UnaryOperator<String> environment) {
        this.secrets = new SecretReference(environment);
    }

    public TenantRegistry load(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidRegistryException("tenant registry " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public TenantRegistry parse(byte[] yaml) {
        RegistryFile raw;
        try {
            raw = YAML.readValue(yaml, RegistryFile.class);
        } catch (IOException e) {
            // Jackson's message may quote the offending value, which can be a secret: keep only the location.
            throw new InvalidRegistryException("tenant registry is not valid YAML of the expected shape"
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ")" : ""));
        }
        if (raw == null || raw.tenants() == null) {
            throw new InvalidRegistryException("tenant registry has no 'tenants:' list");
        }
        Set<String> tenantIds = new HashSet<>();
        Set<String> storeIds = new HashSet<>();
        List<Tenant> tenants = new ArrayList<>();
        for (RawTenant t : raw.tenants()) {
            require(t.id(), "a tenant without 'id'");
            require(t.liveSince(), "tenant " + t.id() + " has no 'liveSince'");
            require(t.crm(), "tenant " + t.id() + " has no 'crm'");
            require(t.stores(), "tenant " + t.id() + " has no 'stores'");
            if (!tenantIds.add(t.id())) {
                throw new InvalidRegistryException("tenant id " + t.id() + " appears twice");
            }
            List<Store> stores = new ArrayList<>();
            for (RawStore s : t.stores()) {
                require(s.id(), "a store of tenant " + t.id() + " has no 'id'");
                require(s.platform(), "store " + s.id() + " has no 'platform'");
                // Adobe I/O Events signs with a private key: its stores carry public keys instead of a secret.
                if (s.platform() == Platform.ADOBE_COMMERCE) {
                    if (s.webhookPublicKeys() == null || s.webhookPublicKeys().isEmpty()) {
                        throw new InvalidRegistryException("store " + s.id() + " has no 'webhookPublicKeys'");
                    }
                } else {
                    require(s.webhookSecret(), "store " + s.id() + " has no 'webhookSecret'");
                }
                if (!storeIds.add(s.id())) {
                    throw new InvalidRegistryException("store id " + s.id() + " appears twice");
                }
                RawApi api = s.adminApi() == null ? new RawApi(null, Map.of()) : s.adminApi();
                List<String> publicKeys = s.webhookPublicKeys() == null ? List.of()
                        : s.webhookPublicKeys().stream().map(secrets::resolve).toList();
                stores.add(new Store(s.id(), s.platform(), secrets.resolve(s.webhookSecret()),
                        secrets.resolve(s.previousWebhookSecret()), api.baseUrl(), resolveAll(api.credentials()),
                        publicKeys));
            }
            RawCrm c = t.crm();
            require(c.kind(), "tenant " + t.id() + " crm has no 'kind'");
            require(c.baseUrl(), "tenant " + t.id() + " crm has no 'baseUrl'");
            RateLimit limit = c.rateLimit() == null ? new RateLimit(100, 10) : c.rateLimit();
            CrmAccount crm = new CrmAccount(c.kind(), c.account() == null ? t.id() : c.account(), c.baseUrl(),
                    resolveAll(c.credentials()), limit, fieldOwnership(t.id(), c.fieldOwnership()),
                    Boolean.TRUE.equals(c.dryRun()));
            tenants.add(new Tenant(t.id(), t.liveSince(), crm, List.copyOf(stores)));
        }
        return new TenantRegistry(tenants);
    }

    /**
     * {@code crm.fieldOwnership}: object type to field to {@code {owner, strategy}}. Read as plain
     * strings so a mistake is reported with the tenant and the field, not just a line number.
     */
    private static FieldOwnership fieldOwnership(String tenant, Map<String, Map<String, Map<String, String>>> raw) {
        if (raw == null) {
            return FieldOwnership.DEFAULTS;
        }
        Map<String, Map<String, FieldRule>> rules = new LinkedHashMap<>();
        raw.forEach((type, fields) -> {
            Map<String, FieldRule> typed = new LinkedHashMap<>();
            (fields == null ? Map.<String, Map<String, String>>of() : fields).forEach((field, rule) -> {
                String where = "tenant " + tenant + " crm.fieldOwnership." + type + "." + field;
                typed.put(field, fieldRule(where, field, rule == null ? Map.of() : rule));
            });
            rules.put(type, typed);
        });
        try {
            return FieldOwnership.validated(rules);
        } catch (IllegalArgumentException e) {
            throw new InvalidRegistryException("tenant " + tenant + " crm.fieldOwnership: " + e.getMessage());
        }
    }

    private static FieldRule fieldRule(String where, String field, Map<String, String> rule) {
        for (String key : rule.keySet()) {
            if (!key.equals("owner") && !key.equals("strategy")) {
                throw new InvalidRegistryException(where + ": unknown key '" + key + "' (known: owner, strategy)");
            }
        }
        String ownerName = rule.get("owner");
        if (ownerName == null) {
            throw new InvalidRegistryException(where + " has no 'owner' (commerce or crm)");
        }
        FieldOwner owner = FieldOwner.find(ownerName).orElseThrow(() -> new InvalidRegistryException(
                where + ": unknown owner '" + ownerName + "' (known: commerce, crm)"));
        String strategyName = rule.get("strategy");
        if (owner == FieldOwner.CRM) {
            if (strategyName != null) {
                throw new InvalidRegistryException(where + ": owner crm takes no strategy (commerce only fills the"
                        + " field while it is empty)");
            }
            return FieldRule.crm();
        }
        if (strategyName == null) {
            return FieldRule.commerce(FieldOwnership.defaultStrategy(field));
        }
        FieldStrategy strategy = FieldStrategy.find(strategyName).orElseThrow(() -> new InvalidRegistryException(
                where + ": unknown strategy '" + strategyName
                        + "' (known: last-write-wins, source-wins, manual-review, merge)"));
        return FieldRule.commerce(strategy);
    }

    private Map<String, String> resolveAll(Map<String, String> references) {
        Map<String, String> resolved = new LinkedHashMap<>();
        if (references != null) {
            references.forEach((name, ref) -> resolved.put(name, secrets.resolve(ref)));
        }
        return Map.copyOf(resolved);
    }

    private static void require(Object value, String problem) {
        if (value == null) {
            throw new InvalidRegistryException(problem);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegistryFile(List<RawTenant> tenants) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawTenant(String id, LocalDate liveSince, RawCrm crm, List<RawStore> stores) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawCrm(CrmKind kind, String account, String baseUrl, Map<String, String> credentials, RateLimit rateLimit,
                  Map<String, Map<String, Map<String, String>>> fieldOwnership, Boolean dryRun) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawStore(String id, Platform platform, String webhookSecret, String previousWebhookSecret,
                    List<String> webhookPublicKeys, RawApi adminApi) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawApi(String baseUrl, Map<String, String> credentials) {
    }
}
