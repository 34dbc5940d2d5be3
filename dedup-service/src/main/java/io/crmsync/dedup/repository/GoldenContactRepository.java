package io.crmsync.dedup.repository;

import io.crmsync.dedup.GoldenContact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class GoldenContactRepository implements PanacheRepositoryBase<GoldenContact, String> {

    /** Locked for the rest of the transaction: every writer of one contact goes one after another. */
    public Optional<GoldenContact> lock(String goldenKey) {
        return findByIdOptional(goldenKey, LockModeType.PESSIMISTIC_WRITE);
    }
}
