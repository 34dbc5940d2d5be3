package io.crmsync.reconciler.backfill;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How backfills run. */
@ConfigMapping(prefix = "crmsync.reconciler.backfill")
public interface BackfillConfig {

    /**
     * Pause after each published page. Backfills run one at a time on a thread of their own and
     * wait this long between pages, so the live pipeline (webhooks, polls, the CRM's budget) keeps
     * priority over history.
     */
    @WithDefault("2s")
    Duration pagePause();
}
