package io.crmsync.dedup.repository;

import io.crmsync.dedup.GoldenCompany;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class GoldenCompanyRepository implements PanacheRepositoryBase<GoldenCompany, String> {

    /** Locked for the rest of the transaction, so the company's commands leave in commit order. */
    public Optional<GoldenCompany> lock(String companyKey) {
        return findByIdOptional(companyKey, LockModeType.PESSIMISTIC_WRITE);
    }
}
