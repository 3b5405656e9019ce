package ru.promtour.notification.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * An operator's webhook endpoint on localhost (JDK HttpServer): records every POST and answers each with the next
 * queued status, 200 once the queue is empty.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String signature, String event, String deliveryId, String body, int answered) {
        public JsonNode json() {
            return Events.JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order. */
    public WebhookReceiver answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Integer next = answers.poll();
        int status = next == null ? 200 : next;
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-PromTour-Signature"),
                exchange.getRequestHeaders().getFirst("X-PromTour-Event"), exchange.getRequestHeaders().getFirst("X-PromTour-Delivery"),
                body, status));
        byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
