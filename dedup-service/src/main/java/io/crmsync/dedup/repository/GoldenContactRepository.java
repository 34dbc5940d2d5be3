package io.crmsync.dedup.repository;

import io.crmsync.dedup.GoldenContact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class GoldenContactRepository implements PanacheRepositoryBase<GoldenContact, String> {

    /** Merges never chain further than this in practice; a longer chain is a corrupt table. */
    private static final int MAX_MERGE_HOPS = 64;

    /** Locked for the rest of the transaction: every writer of one contact goes one after another. */
    public Optional<GoldenContact> lock(String goldenKey) {
        return findByIdOptional(goldenKey, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The live record a key leads to, locked: a retired key is followed through
     * {@code merged_into} to its survivor (and on, if that one was merged too).
     */
    public Optional<GoldenContact> lockLive(String goldenKey) {
        Optional<GoldenContact> current = lock(goldenKey);
        for (int hops = 0; current.isPresent() && current.get().mergedInto() != null; hops++) {
            if (hops == MAX_MERGE_HOPS) {
                throw new IllegalStateException("merged_into chain from " + goldenKey + " does not end");
            }
            current = lock(current.get().mergedInto());
        }
        return current;
    }
}
