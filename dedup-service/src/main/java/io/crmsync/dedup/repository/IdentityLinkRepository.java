package io.crmsync.dedup.repository;

import io.crmsync.dedup.IdentityKind;
import io.crmsync.dedup.IdentityLink;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IdentityLinkRepository implements PanacheRepository<IdentityLink> {

    public Optional<IdentityLink> find(String tenant, IdentityKind kind, String value) {
        return find("tenant = ?1 and kind = ?2 and value = ?3", tenant, kind, value).firstResultOptional();
    }

    /** Ids of the links a golden contact owns; stable while the caller holds that contact's lock. */
    public List<Long> idsOwnedBy(String goldenKey) {
        return getEntityManager()
                .createQuery("select l.id from IdentityLink l where l.goldenKey = ?1 order by l.id", Long.class)
                .setParameter(1, goldenKey)
                .getResultList();
    }

    /**
     * Re-points those of {@code ids} that {@code from} still owns to {@code to}; a link that moved
     * on since (a later merge or undo) is left where it is.
     *
     * @return how many moved
     */
    public int repoint(List<Long> ids, String from, String to) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("goldenKey = ?1 where id in ?2 and goldenKey = ?3", to, ids, from);
    }
}
