package io.crmsync.writer.service;

import java.util.List;

/** Dead letters oldest first; {@code truncated} when more matched than were returned. */
public record DeadLetterListing(List<ListedDeadLetter> items, boolean truncated) {
}
