package io.crmsync.testkit.stack;

import io.crmsync.testkit.JwtTokens;

import java.nio.file.Path;

/**
 * {@code deploy/local/stack up | down | status | demo | token [role]}, run from the repository root.
 */
public final class StackCommand {

    private StackCommand() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("crmsync.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, root.resolve("deploy/local/.run"));
        String verb = args.length == 0 ? "help" : args[0];
        try {
            int code = switch (verb) {
                case "up" -> {
                    stack.up(System.out);
                    yield 0;
                }
                case "down" -> {
                    stack.down(System.out);
                    yield 0;
                }
                case "status" -> stack.status(System.out) ? 0 : 1;
                case "demo" -> {
                    stack.up(System.out);
                    yield new Demo().run(System.out) ? 0 : 1;
                }
                case "token" -> {
                    System.out.println(stack.token(args.length > 1 ? args[1] : JwtTokens.OPERATOR));
                    yield 0;
                }
                default -> {
                    System.err.println("usage: deploy/local/stack up | down | status | demo | token [crmsync-operator|crmsync-viewer]");
                    yield 2;
                }
            };
            System.exit(code);
        } catch (IllegalStateException e) {
            System.err.println("stack " + verb + " failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
