package io.crmsync.normalizer.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.contract.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform-independent rules of the canonical model: e-mail, phone, money. */
class CanonicalValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "'  Bob.Norman@Mail.Example.COM '   | bob.norman@mail.example.com",
            "ZOË@EXAMPLE.DE                     | zoë@example.de",
            "'no address'                       | null",
            "@example.com                       | null",
            "bob@                               | null",
            "a@b@c                              | null",
            "'bob norman@example.com'           | null",
    })
    void emailIsTrimmedAndLowerCasedWhenItIsAnAddress(String raw, String expected) {
        assertThat(Emails.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "030 12345678       | DE   | +493012345678",
            "+1(502)-459-2181   | null | +15024592181",
            "(613) 612-0707     | CA   | +16136120707",
            "06 12 34 56 78     | FR   | +33612345678",
            "06 12 34 56 78     | null | null",
            "555-625-1199       | US   | null",
            "call me            | US   | null",
    })
    void phoneIsE164OnlyWhenItIsAValidNumber(String raw, String region, String expected) {
        assertThat(Phones.toE164(raw, region)).isEqualTo(expected);
    }

    @Test
    void exactJsonKeepsDecimalsAndTheirScale() {
        JsonNode node = EventCodec.parse("{\"a\": 10.00, \"b\": 0.1, \"c\": 195.66, \"d\": 3}".getBytes(StandardCharsets.UTF_8));

        assertThat(Money.format(Money.amount(node, "a"))).isEqualTo("10.00");
        assertThat(Money.format(Money.amount(node, "b"))).isEqualTo("0.1");
        assertThat(Money.format(Money.amount(node, "c"))).isEqualTo("195.66");
        assertThat(Money.format(Money.amount(node, "d"))).isEqualTo("3");
    }

    @Test
    void currencyIsIso4217() {
        assertThat(Money.currency(" usd", "currency")).isEqualTo("USD");
    }
}
