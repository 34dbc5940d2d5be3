package io.crmsync.bench;

/** Progress lines on stderr, so that stdout holds only the tables. */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... values) {
        System.err.printf(format + "%n", values);
    }
}
