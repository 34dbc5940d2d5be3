package io.crmsync.sandbox.storefront;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for webhook-ingress in the simulator's own tests: records every request and answers
 * 202, or the statuses a test queued (to provoke retries).
 */
public final class WebhookReceiver {

    /** One received request; header names lower-cased. */
    public record Request(String path, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static WebhookReceiver instance;

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> queuedStatuses = new ArrayDeque<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static synchronized WebhookReceiver start() {
        if (instance == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                WebhookReceiver receiver = new WebhookReceiver(server);
                server.createContext("/", receiver::handle);
                server.start();
                instance = receiver;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public static WebhookReceiver get() {
        return start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            queuedStatuses.addLast(status);
        }
    }

    public synchronized void reset() {
        requests.clear();
        queuedStatuses.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(headers), body));
        int status;
        synchronized (this) {
            status = queuedStatuses.isEmpty() ? 202 : queuedStatuses.removeFirst();
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}
