package ru.promtour.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;

/**
 * A stand-in for the SMS provider's HTTP API (see the module README for the contract). It checks the
 * bearer token and validates like the real provider, answers with the same shapes, and, instead of
 * texting anyone, records each accepted SMS in the {@link MessageLog} where the messages page shows it.
 * Every accepted SMS is reported {@code DELIVERED} at once. A request with an {@code Idempotency-Key} already seen
 * is answered with the first SMS's id and sends nothing again, as providers do for a client that retries.
 */
public final class SmsSink implements AutoCloseable {

    static final String MESSAGES = "/v1/messages";
    private static final int MAX_BODY = 64 * 1024;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Idempotency keys remembered (the newest; a provider keeps them a day). */
    private static final int KEYS_KEPT = 100_000;

    private final String host;
    private final int port;
    private final byte[] token;
    private final MessageLog messages;
    private Http.Server server;
    /** Idempotency key → the id of the SMS sent for it. */
    private final Map<String, String> sent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEYS_KEPT;
        }
    });
    private volatile Faults.Mode mode = Faults.Mode.UP;
    private volatile Duration delay = Duration.ZERO;

    public SmsSink(String host, int port, String token, MessageLog messages) {
        this.host = host;
        this.port = port;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.messages = messages;
    }

    public synchronized SmsSink start() {
        if (server == null) {
            server = Http.start(host, port, "SMS sink", "SMS_PORT", this::handle);
        }
        return this;
    }

    /** Answers 500 ({@code ERROR}) or late ({@code SLOW}, each answer held back by {@code delay}); {@code UP} is normal. */
    void misbehave(Faults.Mode mode, Duration delay) {
        this.delay = delay;
        this.mode = mode;
    }

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = Http.path(exchange);
        String method = exchange.getRequestMethod();
        boolean messagesRoot = path.equals(MESSAGES);
        boolean oneMessage = path.startsWith(MESSAGES + "/") && path.indexOf('/', MESSAGES.length() + 1) < 0;
        if (!messagesRoot && !oneMessage) {
            Http.notFound(exchange);
            return;
        }
        if (messagesRoot && !method.equals("POST")) {
            Http.methodNotAllowed(exchange, "POST");
            return;
        }
        if (oneMessage && !method.equals("GET")) {
            Http.methodNotAllowed(exchange, "GET");
            return;
        }
        if (!authorized(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            Http.error(exchange, 401, "UNAUTHORIZED", "Missing or invalid bearer token in the Authorization header");
            return;
        }
        Faults.Mode now = mode;
        if (now == Faults.Mode.ERROR) {
            Http.error(exchange, 500, "INTERNAL_ERROR", "The provider failed (a fault injected in the local stack)");
            return;
        }
        if (now == Faults.Mode.SLOW) {
            try {
                Thread.sleep(delay.toMillis());  // a provider that answers late but still sends the SMS
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (messagesRoot) {
            send(exchange);
        }
        else {
            status(exchange, path.substring(MESSAGES.length() + 1));
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(token, header.trim().getBytes(StandardCharsets.UTF_8));
    }

    private void send(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            Http.error(exchange, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json, was " + contentType);
            return;
        }
        byte[] body = Http.body(exchange, MAX_BODY);
        if (body == null) {
            Http.error(exchange, 413, "PAYLOAD_TOO_LARGE", "body: must be at most " + MAX_BODY + " bytes");
            return;
        }
        SmsRequest request;
        try {
            request = SmsRequest.parse(body);
        }
        catch (SmsRequest.Invalid ex) {
            Http.error(exchange, 400, "INVALID_REQUEST", ex.getMessage());
            return;
        }
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        if (key != null && (key.isBlank() || key.length() > 200)) {
            Http.error(exchange, 400, "INVALID_REQUEST", IDEMPOTENCY_KEY + ": must be 1 to 200 characters");
            return;
        }
        String id = UUID.randomUUID().toString();
        String first = key == null ? null : sent.putIfAbsent(key, id);
        if (first != null) {
            // the same SMS asked for again (a client that timed out while we were slow): answered, not sent twice
            id = first;
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        else {
            messages.record(new Message(id, Message.Channel.SMS, request.from(), request.to(), null, request.text(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("status", "ACCEPTED");
        response.put("segments", SmsSegments.count(request.text()));
        exchange.getResponseHeaders().set("Location", MESSAGES + "/" + id);
        Http.json(exchange, 202, response);
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        Optional<Message> sms = messages.find(id).filter(m -> m.channel() == Message.Channel.SMS);
        if (sms.isEmpty()) {
            Http.error(exchange, 404, "NOT_FOUND", "No message with id " + id);
            return;
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", id);
        response.put("status", "DELIVERED");
        response.put("to", sms.get().to());
        response.put("segments", SmsSegments.count(sms.get().body()));
        Http.json(exchange, 200, response);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
