package io.crmsync.dedup.repository;

import io.crmsync.dedup.CompanyLink;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class CompanyLinkRepository implements PanacheRepository<CompanyLink> {

    public Optional<CompanyLink> find(String tenant, CompanyLink.Kind kind, String value) {
        return find("tenant = ?1 and kind = ?2 and value = ?3", tenant, kind, value).firstResultOptional();
    }
}
