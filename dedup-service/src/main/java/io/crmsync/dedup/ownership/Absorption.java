package io.crmsync.dedup.ownership;

import java.util.List;

/**
 * What a golden contact did with an update.
 *
 * @param changed   a field value changed
 * @param conflicts values held back for review ({@code manual-review})
 */
public record Absorption(boolean changed, List<FieldConflict> conflicts) {
}
