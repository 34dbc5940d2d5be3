package io.crmsync.dedup.repository;

import io.crmsync.dedup.IdentityKind;
import io.crmsync.dedup.IdentityLink;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepository<IdentityLink> {

    public Optional<IdentityLink> find(String tenant, IdentityKind kind, String value) {
        return find("tenant = ?1 and kind = ?2 and value = ?3", tenant, kind, value).firstResultOptional();
    }
}
