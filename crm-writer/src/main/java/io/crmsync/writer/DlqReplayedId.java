package io.crmsync.writer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A dead letter (DLQ partition and offset) and the replay that re-published it. */
@Embeddable
public class DlqReplayedId implements Serializable {

    @Column(name = "dlq_partition", nullable = false)
    public int partition;

    @Column(name = "dlq_offset", nullable = false)
    public long offset;

    @Column(name = "replay_id", nullable = false)
    public String replayId;

    protected DlqReplayedId() {
    }

    public DlqReplayedId(int partition, long offset, String replayId) {
        this.partition = partition;
        this.offset = offset;
        this.replayId = replayId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DlqReplayedId id && partition == id.partition && offset == id.offset
                && replayId.equals(id.replayId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, offset, replayId);
    }
}
