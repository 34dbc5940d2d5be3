package io.crmsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run was made on, printed above its figures.
 *
 * @param cores    processors available to this JVM
 * @param cpuModel {@code model name} of /proc/cpuinfo, or the OS architecture elsewhere
 * @param java     Java runtime version
 */
public record MachineInfo(int cores, String cpuModel, String java) {

    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                cpuModel(readLines(Path.of("/proc/cpuinfo"))), System.getProperty("java.version"));
    }

    /** The first {@code model name : ...} value, else the OS architecture. */
    static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public String toString() {
        return "machine: " + cores + " cores, " + cpuModel + ", Java " + java;
    }
}
