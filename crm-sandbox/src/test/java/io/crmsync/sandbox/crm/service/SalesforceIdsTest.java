package io.crmsync.sandbox.crm.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {

    @Test
    void idsAreEighteenCharactersBehindTheKeyPrefixAndDistinct() {
        String first = SalesforceIds.format("003", 1);
        String big = SalesforceIds.format("006", 62L * 62 * 62);

        assertThat(first).hasSize(18).startsWith("003").matches("[0-9A-Za-z]+");
        assertThat(big).hasSize(18).startsWith("006").endsWith("1000");
        assertThat(SalesforceIds.format("003", 2)).isNotEqualTo(first);
    }
}
