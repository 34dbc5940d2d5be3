package io.crmsync.bench.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOrderIsInTheCrmOnceOnADlqWithItsClassOrMissing() throws Exception {
        List<SentOrder> sent = List.of(order(1, 202), order(2, 503), order(3, 202), order(4, 202));
        CrmSnapshot crm = new CrmSnapshot(Map.of(
                "acme-shopify:1", List.of(deal("11.00")),
                "acme-shopify:2", List.of(deal("12.00"))),
                Map.of("a@example.com", 1));
        Map<String, String> dlq = Map.of("acme/deal/acme-shopify:3", "validation");

        Tally tally = Tally.of(sent, "acme-shopify", crm, dlq);

        assertThat(tally).isEqualTo(new Tally(4, 3, 1, 2, Map.of("validation", 1), 1, 0, 0));
        assertThat(tally.balanced()).isFalse();
    }

    @Test
    void twoDealsForOneOrderTwoContactsForOneBuyerAndAnOldAmountAreCaught() throws Exception {
        List<SentOrder> sent = List.of(order(1, 202), order(2, 202));
        CrmSnapshot crm = new CrmSnapshot(Map.of(
                "acme-shopify:1", List.of(deal("11.00"), deal("11.00")),
                "acme-shopify:2", List.of(deal("2.00"))),
                Map.of("a@example.com", 2));

        Tally tally = Tally.of(sent, "acme-shopify", crm, Map.of());

        assertThat(tally.doubled()).isEqualTo(2);
        assertThat(tally.stale()).isEqualTo(1);
        assertThat(tally.missing()).isZero();
        assertThat(tally.balanced()).isFalse();
    }

    @Test
    void everyOrderOnceIsBalanced() throws Exception {
        List<SentOrder> sent = List.of(order(1, 202));
        CrmSnapshot crm = new CrmSnapshot(Map.of("acme-shopify:1", List.of(deal("11"))), Map.of("a@example.com", 1));

        assertThat(Tally.of(sent, "acme-shopify", crm, Map.of()).balanced()).isTrue();
    }

    @Test
    void theDlqKeyOfEveryHopNamesTheOrder() {
        assertThat(DeadLetterTopics.classOf(Map.of("acme/acme-shopify/order/7", "mapping"), "acme-shopify", 7)).isEqualTo("mapping");
        assertThat(DeadLetterTopics.classOf(Map.of("acme/order/7", "schema"), "acme-shopify", 7)).isEqualTo("schema");
        assertThat(DeadLetterTopics.classOf(Map.of("acme/order/17", "schema"), "acme-shopify", 7)).isNull();
    }

    private static SentOrder order(long id, int status) {
        return new SentOrder((int) id, id, "a@example.com", "+4915100000001", "delivered", status, "e" + id, (10 + id) + ".00");
    }

    private static JsonNode deal(String amount) throws Exception {
        return JSON.readTree("{\"id\":\"1\",\"properties\":{\"amount\":\"" + amount + "\"}}");
    }
}
