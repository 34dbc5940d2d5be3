package io.crmsync.testkit.stack;

/**
 * One process of the local stack.
 *
 * @param module the Maven module whose fast-jar runs it, or null for the broker and the database
 */
record Component(String name, int port, String module) {

    static final Component KAFKA = new Component("kafka", 19092, null);
    static final Component POSTGRES = new Component("postgres", 15432, null);

    boolean isApp() {
        return module != null;
    }

    static Component app(String module, int port) {
        return new Component(module, port, module);
    }
}
