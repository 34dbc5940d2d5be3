package io.crmsync.dedup.ownership;

import io.crmsync.commons.tenant.FieldRule;
import io.crmsync.commons.tenant.FieldStrategy;
import io.crmsync.dedup.ownership.FieldPolicy.Held;
import io.crmsync.dedup.ownership.FieldPolicy.Proposal;
import io.crmsync.dedup.ownership.FieldPolicy.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every owner and strategy, one field value at a time. */
class FieldPolicyTest {

    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:00:00Z");
    private static final String SHOP = "shopify:acme-shopify:1";
    private static final String WOO = "woocommerce:acme-woo:9";

    private static final FieldRule LWW = FieldRule.commerce(FieldStrategy.LAST_WRITE_WINS);
    private static final FieldRule SOURCE_WINS = FieldRule.commerce(FieldStrategy.SOURCE_WINS);
    private static final FieldRule REVIEW = FieldRule.commerce(FieldStrategy.MANUAL_REVIEW);
    private static final FieldRule MERGE = FieldRule.commerce(FieldStrategy.MERGE);
    private static final FieldRule CRM = FieldRule.crm();

    private final Held heldFromShopAtT2 = new Held("+14155550123", SHOP, T2);

    @Test
    void anEmptyFieldTakesTheFirstValueUnderEveryRule() {
        for (FieldRule rule : List.of(LWW, SOURCE_WINS, REVIEW, CRM)) {
            assertThat(FieldPolicy.decide(rule, Held.EMPTY, new Proposal("+4930123456", WOO, T1)))
                    .as(rule.toString()).isEqualTo(Verdict.TAKE);
        }
    }

    @Test
    void theSameValueAgainIsAConfirmationUnderEveryRule() {
        for (FieldRule rule : List.of(LWW, SOURCE_WINS, REVIEW, CRM)) {
            assertThat(FieldPolicy.decide(rule, heldFromShopAtT2, new Proposal("+14155550123", WOO, T1)))
                    .as(rule.toString()).isEqualTo(Verdict.CONFIRM);
        }
    }

    @Test
    void crmOwnedValuesNeverChangeOnceSet() {
        assertThat(FieldPolicy.decide(CRM, heldFromShopAtT2, new Proposal("+4930123456", SHOP, T2.plusSeconds(60))))
                .isEqualTo(Verdict.KEEP);
    }

    @Test
    void lastWriteWinsTakesANewerOrEqualSourceTimeAndKeepsAgainstAnOlderOne() {
        assertThat(FieldPolicy.decide(LWW, heldFromShopAtT2, new Proposal("+4930123456", WOO, T2.plusSeconds(1))))
                .isEqualTo(Verdict.TAKE);
        assertThat(FieldPolicy.decide(LWW, heldFromShopAtT2, new Proposal("+4930123456", WOO, T2)))
                .isEqualTo(Verdict.TAKE);
        assertThat(FieldPolicy.decide(LWW, heldFromShopAtT2, new Proposal("+4930123456", WOO, T1)))
                .isEqualTo(Verdict.KEEP);
        assertThat(FieldPolicy.decide(LWW, heldFromShopAtT2, new Proposal("+4930123456", WOO, null)))
                .as("a source without a time cannot be shown to be older").isEqualTo(Verdict.TAKE);
    }

    @Test
    void sourceWinsTakesAnyChangeEvenFromOlderSourceData() {
        assertThat(FieldPolicy.decide(SOURCE_WINS, heldFromShopAtT2, new Proposal("+4930123456", WOO, T1)))
                .isEqualTo(Verdict.TAKE);
    }

    @Test
    void manualReviewFlagsADifferentValueFromAnotherSource() {
        assertThat(FieldPolicy.decide(REVIEW, heldFromShopAtT2, new Proposal("+4930123456", WOO, T2.plusSeconds(1))))
                .isEqualTo(Verdict.CONFLICT);
        assertThat(FieldPolicy.decide(REVIEW, new Held("+14155550123", null, T1), new Proposal("+4930123456", SHOP, T2)))
                .as("a value whose setter is unknown is not the proposer's own").isEqualTo(Verdict.CONFLICT);
    }

    @Test
    void manualReviewLetsTheSettingSourceUpdateItsOwnValueButNotWithAnOlderState() {
        assertThat(FieldPolicy.decide(REVIEW, heldFromShopAtT2, new Proposal("+4930123456", SHOP, T2.plusSeconds(1))))
                .isEqualTo(Verdict.TAKE);
        assertThat(FieldPolicy.decide(REVIEW, heldFromShopAtT2, new Proposal("+4930123456", SHOP, T1)))
                .isEqualTo(Verdict.KEEP);
    }

    @Test
    void mergeIsTheUnionInFirstSeenOrder() {
        assertThat(FieldPolicy.merge(MERGE, List.of("a@x.io", "b@x.io"), List.of("c@x.io", "a@x.io")))
                .containsExactly("a@x.io", "b@x.io", "c@x.io");
        assertThat(FieldPolicy.merge(MERGE, List.of(), List.of("a@x.io"))).containsExactly("a@x.io");
        assertThat(FieldPolicy.merge(CRM, List.of("a@x.io"), List.of("b@x.io"))).containsExactly("a@x.io");
        assertThat(FieldPolicy.merge(CRM, List.of(), List.of("b@x.io"))).containsExactly("b@x.io");
    }

    @Test
    void mergeIsNotADecisionForASingleValue() {
        assertThatThrownBy(() -> FieldPolicy.decide(MERGE, heldFromShopAtT2, new Proposal("+4930123456", WOO, T2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
