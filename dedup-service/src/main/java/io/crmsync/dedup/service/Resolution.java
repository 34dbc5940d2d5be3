package io.crmsync.dedup.service;

import io.crmsync.dedup.GoldenContact;
import io.crmsync.dedup.MergeRecord;

import java.util.List;

/** The live golden contact an event's person resolved to, and the merges resolving it took. */
public record Resolution(GoldenContact golden, List<MergeRecord> merges) {
}
