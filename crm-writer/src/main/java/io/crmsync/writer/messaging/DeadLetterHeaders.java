package io.crmsync.writer.messaging;

import io.crmsync.contract.CloudEventHeaders;
import io.crmsync.contract.Origin;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Headers of a replayed dead letter: the command's own headers as they were consumed, without
 * those that describe its dead-lettering ({@code crmsync_error_*} and the Kafka connector's
 * {@code dead-letter-*}), with {@code ce_origin} {@code replay} and the replay's id.
 */
public final class DeadLetterHeaders {

    /** Names the replay (admin API, table {@code dlq_replay}) that re-published a dead letter. */
    public static final String REPLAY_ID = "crmsync_replay_id";

    /** Prefix of the headers SmallRye's dead-letter-queue strategy adds (reason, cause, topic, partition, offset). */
    static final String CONNECTOR_PREFIX = "dead-letter-";

    private DeadLetterHeaders() {
    }

    public static List<Header> forReplay(List<Header> deadLetterHeaders, String replayId) {
        List<Header> headers = new ArrayList<>(deadLetterHeaders.size());
        for (Header header : deadLetterHeaders) {
            if (!describesDeadLettering(header.key()) && !header.key().equals(CloudEventHeaders.ORIGIN)
                    && !header.key().equals(REPLAY_ID)) {
                headers.add(header);
            }
        }
        headers.add(new RecordHeader(CloudEventHeaders.ORIGIN, Origin.REPLAY.wire().getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(REPLAY_ID, replayId.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    static boolean describesDeadLettering(String name) {
        return name.equals(CloudEventHeaders.DLQ_ERROR_CLASS) || name.equals(CloudEventHeaders.DLQ_ERROR_MESSAGE)
                || name.startsWith(CONNECTOR_PREFIX);
    }
}
