package io.crmsync.bench.fault;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scans what the stack's processes wrote to their logs since {@link #mark} for text that must
 * never be logged: the tenants' secrets and the e-mails and phones the suite used. Findings name
 * the file and a label for the text, never the text itself.
 */
final class LogScan {

    /** Text to look for, and the label a finding shows instead of it. */
    record Needle(String text, String label) {
    }

    /** Where a needle was found and how often. */
    record Finding(String file, String label, int lines) {
    }

    private final Path logDir;
    private final Map<Path, Long> offsets = new HashMap<>();
    private int linesScanned;

    LogScan(Path logDir) {
        this.logDir = logDir;
    }

    /** Remembers how long every log is now: only later lines are scanned. */
    void mark() {
        logs().forEach(log -> offsets.put(log, size(log)));
    }

    List<Finding> scan(List<Needle> needles) {
        List<Finding> findings = new ArrayList<>();
        int linesRead = 0;
        for (Path log : logs()) {
            String written = readFrom(log, offsets.getOrDefault(log, 0L));
            String[] lines = written.split("\n");
            linesRead += lines.length;
            for (Needle needle : needles) {
                int hits = 0;
                for (String line : lines) {
                    if (line.contains(needle.text())) {
                        hits++;
                    }
                }
                if (hits > 0) {
                    findings.add(new Finding(log.getFileName().toString(), needle.label(), hits));
                }
            }
        }
        this.linesScanned = linesRead;
        return findings;
    }

    int linesScanned() {
        return linesScanned;
    }

    int filesScanned() {
        return logs().size();
    }

    private List<Path> logs() {
        if (!Files.isDirectory(logDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path log) {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.min(offset, file.length());
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
