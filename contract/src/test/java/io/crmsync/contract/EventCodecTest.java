package io.crmsync.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmsync.contract.command.CrmRecordUpsert;
import io.crmsync.contract.model.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventTypeRoundTripsThroughItsSchema() {
        assertRoundTrip(EventType.WEBHOOK_RECEIVED, SampleEvents.webhook());
        assertRoundTrip(EventType.ORDER_NORMALIZED, SampleEvents.order());
        assertRoundTrip(EventType.CUSTOMER_NORMALIZED, SampleEvents.customer());
        assertRoundTrip(EventType.ORDER_NORMALIZED, SampleEvents.b2bOrder());
        assertRoundTrip(EventType.PRODUCT_NORMALIZED, SampleEvents.product());
        assertRoundTrip(EventType.REFUND_NORMALIZED, SampleEvents.refund());
        assertRoundTrip(EventType.FULFILLMENT_NORMALIZED, SampleEvents.fulfillment());
        assertRoundTrip(EventType.INVOICE_NORMALIZED, SampleEvents.invoice());
        assertRoundTrip(EventType.CONTACT_MERGE, SampleEvents.contactMerge());
        assertRoundTrip(EventType.DEAL_UPSERT, SampleEvents.deal());
        assertRoundTrip(EventType.CONTACT_UPSERT, SampleEvents.contact());
        assertRoundTrip(EventType.WRITE_RESULT, SampleEvents.writeResult());
        assertRoundTrip(EventType.WRITE_RESULT, SampleEvents.deadLetteredResult());
        assertRoundTrip(EventType.TENANT_CONTROL, SampleEvents.pausedForAuth());
    }

    @Test
    void moneyIsWrittenAsExactDecimalStrings() {
        String json = new String(codec.encode(EventType.ORDER_NORMALIZED, SampleEvents.order()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"total\":\"194.00\"").contains("\"status\":\"paid\"")
                .contains("\"updatedAt\":\"2026-03-01T10:15:30Z\"");
    }

    @Test
    void floatMoneyIsRejected() {
        ObjectNode tree = EventCodec.mapper().valueToTree(SampleEvents.order());
        ((ObjectNode) tree.get("totals")).put("total", 194.0);
        assertThatThrownBy(() -> codec.validate(EventType.ORDER_NORMALIZED, tree))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("total");
    }

    @Test
    void unnormalisedEmailAndUnknownStatusAreRejected() {
        ObjectNode tree = EventCodec.mapper().valueToTree(SampleEvents.order());
        tree.put("status", "shipped");
        ((ObjectNode) tree.get("customer")).put("email", "Zoe@Example.com");
        assertThatThrownBy(() -> codec.validate(EventType.ORDER_NORMALIZED, tree))
                .hasMessageContaining("status").hasMessageContaining("email");
    }

    @Test
    void dealCommandMustCarryItsOrderRefAndOnlyKnownFields() {
        Map<String, String> fields = new HashMap<>(SampleEvents.deal().fields());
        fields.remove("orderRef");
        fields.put("hs_secret_field", "x");
        CrmRecordUpsert broken = withFields(SampleEvents.deal(), fields);
        assertThatThrownBy(() -> codec.encode(EventType.DEAL_UPSERT, broken))
                .hasMessageContaining("orderRef").hasMessageContaining("hs_secret_field");
    }

    @Test
    void aConsumerOfV1IgnoresFieldsAddedLater() {
        ObjectNode tree = EventCodec.mapper().valueToTree(SampleEvents.order());
        tree.put("loyaltyTier", "gold");
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
        Order decoded = codec.decode(EventType.ORDER_NORMALIZED, bytes);
        assertThat(decoded).usingRecursiveComparison().isEqualTo(SampleEvents.order());
    }

    @Test
    void numbersInPlatformPayloadsSurviveExactly() {
        String json = "{\"price\": 10.10, \"big\": 12345678901234567.89}";
        assertThat(EventCodec.parse(json.getBytes(StandardCharsets.UTF_8)).toString())
                .isEqualTo("{\"price\":10.10,\"big\":12345678901234567.89}");
    }

    @Test
    void bytesThatAreNotJsonAreAContractViolation() {
        assertThatThrownBy(() -> codec.decode(EventType.ORDER_NORMALIZED, "{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ContractViolationException.class).hasMessageStartingWith("not JSON");
    }

    @Test
    void aDeadLetteredResultMustNameItsErrorClass() {
        byte[] withoutClass = new String(codec.encode(EventType.WRITE_RESULT, SampleEvents.deadLetteredResult()),
                StandardCharsets.UTF_8).replace("\"errorClass\":\"validation\",", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(EventType.WRITE_RESULT, withoutClass))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("errorClass");
    }

    @Test
    void upsertTypeFollowsTheCrmObjectTypeAndKeyKeepsOneRecordOnOnePartition() {
        assertThat(EventType.upsertFor("deal").name()).isEqualTo("crm.deal.upsert.v1");
        assertThat(SampleEvents.deal().kafkaKey()).isEqualTo("acme/deal/acme-shopify:450789469");
        // A merge travels with the merged record's earlier commands.
        assertThat(SampleEvents.contactMerge().kafkaKey()).isEqualTo("acme/contact/gr-2");
        assertThat(EventType.mergeFor("contact").name()).isEqualTo("crm.contact.merge.v1");
        assertThat(EventType.byName("commerce.order.normalized.v1")).contains(EventType.ORDER_NORMALIZED);
        assertThat(Topics.dlq(Topics.WEBHOOK_RECEIVED)).isEqualTo("commerce.webhook.received.v1.dlq");
    }

    private <T> void assertRoundTrip(EventType<T> type, T value) {
        T decoded = codec.decode(type, codec.encode(type, value));
        assertThat(decoded).usingRecursiveComparison().isEqualTo(value);
    }

    private static CrmRecordUpsert withFields(CrmRecordUpsert c, Map<String, String> fields) {
        return new CrmRecordUpsert(c.commandId(), c.tenant(), c.crmObjectType(), c.recordKey(), fields,
                c.associations(), c.syncMode(), c.source(), c.sourceUpdatedAt());
    }
}
