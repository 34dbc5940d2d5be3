package io.crmsync.writer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A dead letter a replay re-published: it is skipped by later replays unless they are forced. */
@Entity
@Table(name = "dlq_replayed")
public class DlqReplayed extends PanacheEntityBase {

    @EmbeddedId
    public DlqReplayedId id;

    protected DlqReplayed() {
    }

    public DlqReplayed(int partition, long offset, String replayId) {
        this.id = new DlqReplayedId(partition, offset, replayId);
    }
}
