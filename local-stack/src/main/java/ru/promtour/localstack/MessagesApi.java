package ru.promtour.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * The developer's window on what the platform sent: {@code GET /api/messages} (every email and SMS,
 * newest first, {@code ?to=}, {@code ?channel=} and {@code ?limit=}), {@code DELETE /api/messages},
 * {@code GET /} (a page that polls the API) and {@code GET /health} for {@code run.sh}.
 */
public final class MessagesApi implements AutoCloseable {

    /** The liveness of one component, as {@code /health} reports it. */
    public record ComponentHealth(String status, String address) {

        static ComponentHealth of(boolean up, String address) {
            return new ComponentHealth(up ? "UP" : "DOWN", address);
        }
    }

    private final String host;
    private final int port;
    private final MessageLog messages;
    private final Supplier<Map<String, ComponentHealth>> health;
    private final byte[] page;
    private final Faults faults;
    private Http.Server server;

    public MessagesApi(String host, int port, MessageLog messages, Supplier<Map<String, ComponentHealth>> health) {
        this(host, port, messages, health, null);
    }

    MessagesApi(String host, int port, MessageLog messages, Supplier<Map<String, ComponentHealth>> health, Faults faults) {
        this.faults = faults;
        this.host = host;
        this.port = port;
        this.messages = messages;
        this.health = health;
        this.page = resource("messages.html");
    }

    public synchronized MessagesApi start() {
        if (server == null) {
            server = Http.start(host, port, "messages API", "MESSAGES_PORT", this::handle);
        }
        return this;
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = Http.path(exchange);
        String method = exchange.getRequestMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        switch (path) {
            case "/", "/index.html" -> {
                if (read) {
                    Http.send(exchange, 200, "text/html", page);
                }
                else {
                    Http.methodNotAllowed(exchange, "GET");
                }
            }
            case "/api/messages" -> {
                if (read) {
                    list(exchange);
                }
                else if (method.equals("DELETE")) {
                    messages.clear();
                    Http.noContent(exchange);
                }
                else {
                    Http.methodNotAllowed(exchange, "GET, DELETE");
                }
            }
            case "/api/faults" -> {
                if (faults == null) {
                    Http.notFound(exchange);
                }
                else if (read) {
                    Http.json(exchange, 200, faults.state());
                }
                else if (method.equals("POST")) {
                    fault(exchange);
                }
                else {
                    Http.methodNotAllowed(exchange, "GET, POST");
                }
            }
            case "/health" -> {
                if (read) {
                    health(exchange);
                }
                else {
                    Http.methodNotAllowed(exchange, "GET");
                }
            }
            default -> Http.notFound(exchange);
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        int limit = Integer.MAX_VALUE;
        String rawLimit = query.get("limit");
        if (rawLimit != null && !rawLimit.isBlank()) {
            try {
                limit = Integer.parseInt(rawLimit.trim());
            }
            catch (NumberFormatException ex) {
                limit = 0;
            }
            if (limit < 1) {
                Http.error(exchange, 400, "INVALID_REQUEST", "limit: must be a positive whole number, was '" + rawLimit + "'");
                return;
            }
        }
        List<Message> matching = messages.list(filter(query));
        exchange.getResponseHeaders().set("X-Total-Count", String.valueOf(matching.size()));
        Http.json(exchange, 200, matching.size() > limit ? matching.subList(0, limit) : matching);
    }

    /** {@code POST /api/faults?target=smtp|sms&mode=down|error|slow|up[&seconds=N][&delayMillis=M]} (see {@link Faults}). */
    private void fault(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        String target = String.valueOf(query.get("target")).trim().toLowerCase(Locale.ROOT);
        Faults.Mode mode = Faults.mode(query.get("mode"));
        if (mode == null || !Faults.supports(target, mode)) {
            Http.error(exchange, 400, "INVALID_REQUEST", "target must be smtp (mode down|up) or sms (mode down|error|slow|up), was "
                    + query.get("target") + " " + query.get("mode"));
            return;
        }
        Long seconds = whole(query.get("seconds"));
        Long delayMillis = whole(query.get("delayMillis"));
        if ((query.containsKey("seconds") && (seconds == null || seconds < 1 || seconds > 3600))
                || (query.containsKey("delayMillis") && (delayMillis == null || delayMillis < 1 || delayMillis > 120_000))) {
            Http.error(exchange, 400, "INVALID_REQUEST", "seconds must be 1..3600 and delayMillis 1..120000");
            return;
        }
        faults.set(target, mode, seconds == null ? null : Duration.ofSeconds(seconds),
                delayMillis == null ? null : Duration.ofMillis(delayMillis));
        Http.json(exchange, 200, faults.state());
    }

    private static Long whole(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Predicate<Message> filter(Map<String, String> query) {
        Predicate<Message> filter = m -> true;
        String to = query.get("to");
        if (to != null && !to.isBlank()) {
            filter = filter.and(m -> m.isFor(to));
        }
        String channel = query.get("channel");
        if (channel != null && !channel.isBlank()) {
            filter = filter.and(m -> m.channel().name().equals(channel.trim().toUpperCase(Locale.ROOT)));
        }
        return filter;
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, ComponentHealth> components = health.get();
        boolean up = !components.isEmpty() && components.values().stream().allMatch(c -> c.status().equals("UP"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        Http.json(exchange, up ? 200 : 503, body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = MessagesApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + MessagesApi.class.getName());
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
