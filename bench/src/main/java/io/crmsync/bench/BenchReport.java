package io.crmsync.bench;

/**
 * What one benchmark printed, and how it was taken, for the console and for BENCHMARKS.md.
 *
 * @param title   section title
 * @param command the single command that reproduces it
 * @param table   the plain-text table
 * @param how     how it was taken (Markdown)
 */
public record BenchReport(String title, String command, String table, String how) {
}
