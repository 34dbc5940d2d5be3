package io.crmsync.writer.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceLimitInfoTest {

    @Test
    void readsTheOrgsDailyApiUsage() {
        assertThat(SalesforceLimitInfo.parse("api-usage=18/5000")).contains(CrmBudgetReading.daily(18L, 5000L));
    }

    @Test
    void takesTheOrgWideEntryWhateverFollowsOrPrecedesIt() {
        assertThat(SalesforceLimitInfo.parse("api-usage=25/5000, per-app-api-usage=17/250(appName=sample-app)"))
                .contains(CrmBudgetReading.daily(25L, 5000L));
        assertThat(SalesforceLimitInfo.parse("per-app-api-usage=17/250(appName=sample-app), api-usage=26/5000"))
                .contains(CrmBudgetReading.daily(26L, 5000L));
    }

    @Test
    void noReadingWithoutAUsableEntry() {
        assertThat(SalesforceLimitInfo.parse(null)).isEmpty();
        assertThat(SalesforceLimitInfo.parse("per-app-api-usage=17/250(appName=sample-app)")).isEmpty();
        assertThat(SalesforceLimitInfo.parse("api-usage=lots/5000")).isEmpty();
        assertThat(SalesforceLimitInfo.parse("api-usage=99999999999999999999/5000")).isEmpty();
    }
}
