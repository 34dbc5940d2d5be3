package io.crmsync.dedup;

import io.crmsync.contract.EventCodec;
import io.crmsync.contract.Topics;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.testkit.TopicProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The commands on {@code crm.record.upsert.v1} since the watch opened, decoded. */
final class CommandWatch implements AutoCloseable {

    private final TopicProbe probe;

    private CommandWatch(TopicProbe probe) {
        this.probe = probe;
    }

    static CommandWatch open(String bootstrap) {
        return new CommandWatch(TopicProbe.open(bootstrap, Topics.CRM_RECORD_UPSERT));
    }

    /** Polls until {@code count} matching commands arrived (or 30 s passed); returns all that match. */
    List<Sent> await(Predicate<Sent> matching, int count) {
        Instant until = Instant.now().plusSeconds(30);
        List<Sent> found = matching(matching, Duration.ofMillis(200));
        while (found.size() < count && Instant.now().isBefore(until)) {
            found = matching(matching, Duration.ofMillis(200));
        }
        return found;
    }

    /** Everything matching after listening a while longer: proves nothing more came. */
    List<Sent> settle(Predicate<Sent> matching, Duration listen) {
        return matching(matching, listen);
    }

    private List<Sent> matching(Predicate<Sent> matching, Duration wait) {
        return probe.poll(wait).stream().map(Sent::of).filter(matching).toList();
    }

    @Override
    public void close() {
        probe.close();
    }

    /** One record on the topic: the decoded command with its Kafka key and headers. */
    record Sent(CrmRecordUpsert command, TopicProbe.Received record) {

        static Sent of(TopicProbe.Received record) {
            try {
                return new Sent(EventCodec.mapper().readValue(record.value(), CrmRecordUpsert.class), record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isContact() {
            return CrmRecordUpsert.CONTACT.equals(command.crmObjectType());
        }

        boolean isDeal() {
            return CrmRecordUpsert.DEAL.equals(command.crmObjectType());
        }

        String field(String name) {
            return command.fields().get(name);
        }

        String header(String name) {
            return record.headers().get(name);
        }

        static Predicate<Sent> dealOf(String orderRef) {
            return s -> s.isDeal() && orderRef.equals(s.command().recordKey());
        }

        static Predicate<Sent> contactWithEmail(String email) {
            return s -> s.isContact() && email.equals(s.field("email"));
        }

        static Predicate<Sent> contactKeyed(String goldenKey) {
            return s -> s.isContact() && goldenKey.equals(s.command().recordKey());
        }
    }
}
