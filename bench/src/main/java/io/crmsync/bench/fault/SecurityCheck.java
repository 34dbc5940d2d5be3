package io.crmsync.bench.fault;

/** One security expectation and what the stack answered ({@code actual} never holds a secret). */
record SecurityCheck(String check, String expected, String actual) {

    boolean passed() {
        return expected.equals(actual);
    }
}
