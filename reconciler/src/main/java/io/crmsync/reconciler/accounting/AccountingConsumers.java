package io.crmsync.reconciler.accounting;

import io.crmsync.commons.messaging.DatabaseOutage;
import io.crmsync.commons.messaging.EventEnvelope;
import io.crmsync.commons.messaging.MissingEnvelopeException;
import io.crmsync.contract.ContractViolationException;
import io.crmsync.contract.EventCodec;
import io.crmsync.contract.EventType;
import io.crmsync.contract.result.CrmWriteResult;
import io.crmsync.contract.webhook.WebhookReceived;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads both ends of the pipeline for {@link DeliveryAccounting}: what entered it
 * ({@code commerce.webhook.received.v1}) and what the crm-writer settled ({@code crm.write.result.v1}),
 * each in a consumer group of its own. A record that is not a valid event is skipped (the
 * consumers of the pipeline dead-letter it; here it is only not counted). An unreachable database
 * is waited out, the record unacknowledged meanwhile: failing the record would stop the channel
 * for good (a PostgreSQL restart left the accounting dead in the fault suite).
 */
@ApplicationScoped
public class AccountingConsumers {

    public static final String RECEIVED = "accounting-received";
    public static final String RESULTS = "accounting-results";

    private static final Logger LOG = Logger.getLogger(AccountingConsumers.class);

    private final EventCodec codec;
    private final DeliveryAccounting accounting;

    public AccountingConsumers(EventCodec codec, DeliveryAccounting accounting) {
        this.codec = codec;
        this.accounting = accounting;
    }

    @Incoming(RECEIVED)
    @Blocking(ordered = false)
    public CompletionStage<Void> received(Message<byte[]> message) throws SQLException {
        try {
            EventEnvelope envelope = EventEnvelope.of(message);
            WebhookReceived event = codec.decode(EventType.WEBHOOK_RECEIVED, message.getPayload());
            DatabaseOutage.waitOut("received event " + envelope.id(),
                    () -> accounting.received(envelope.tenant(), envelope.origin(), event));
        } catch (ContractViolationException | MissingEnvelopeException e) {
            LOG.debugf("commerce.webhook.received.v1 record not accounted: %s", e.getMessage());
        } catch (InterruptedException e) {
            return leftForNextStart();
        }
        return message.ack();
    }

    @Incoming(RESULTS)
    @Blocking(ordered = false)
    public CompletionStage<Void> result(Message<byte[]> message) throws SQLException {
        try {
            CrmWriteResult result = codec.decode(EventType.WRITE_RESULT, message.getPayload());
            DatabaseOutage.waitOut("write result " + result.commandId(), () -> accounting.settled(result));
        } catch (ContractViolationException e) {
            LOG.debugf("crm.write.result.v1 record not accounted: %s", e.getMessage());
        } catch (InterruptedException e) {
            return leftForNextStart();
        }
        return message.ack();
    }

    /** Shutting down while the database is away: the record stays unacknowledged and is read again. */
    private static CompletionStage<Void> leftForNextStart() {
        Thread.currentThread().interrupt();
        return new CompletableFuture<>();
    }
}
