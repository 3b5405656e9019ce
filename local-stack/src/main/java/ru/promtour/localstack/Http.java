package ru.promtour.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few things both HTTP endpoints of the local stack need on top of the JDK's {@link HttpServer}:
 * binding with a clear error, JSON and HTML responses, bounded request bodies and query parameters.
 * The JDK server is enough here and keeps the stack small and quick to start.
 */
final class Http {

    private static final Logger log = LoggerFactory.getLogger(Http.class);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Http() {
    }

    /** A route's work; it may throw, the caller turns that into a 500 JSON error. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A running server with its own small thread pool. */
    record Server(HttpServer server, ExecutorService executor) implements AutoCloseable {

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Starts an HTTP server on {@code host:port} where {@code handler} sees every request. */
    static Server start(String host, int port, String what, String envVar, Handler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 50);
        }
        catch (BindException ex) {
            throw new IllegalStateException(Ports.inUseMessage(host, port, what, envVar), ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the " + what + " on " + host + ":" + port, ex);
        }
        AtomicInteger threads = new AtomicInteger();
        String name = what.toLowerCase(Locale.ROOT).replace(' ', '-');
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
            catch (RuntimeException | IOException ex) {
                log.warn("{} failed on {} {}", what, exchange.getRequestMethod(), exchange.getRequestURI(), ex);
                try {
                    error(exchange, 500, "INTERNAL_ERROR", ex.toString());
                }
                catch (IOException | RuntimeException ignored) {
                    // the response had already started; the client sees a broken connection
                }
            }
        });
        server.start();
        return new Server(server, executor);
    }

    /** The request path without a trailing slash ({@code "/"} stays {@code "/"}). */
    static String path(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Query parameters, first value wins. A literal {@code +} stays a plus sign (so {@code ?to=+7916...}
     * works when typed by hand); an encoded space is {@code %20}.
     */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Reads the request body, or returns {@code null} when it is longer than {@code maxBytes}. */
    static byte[] body(HttpExchange exchange, int maxBytes) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return bytes;
        }
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        json(exchange, status, body);
    }

    static void notFound(HttpExchange exchange) throws IOException {
        error(exchange, 404, "NOT_FOUND",
                "No such resource: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    }

    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        error(exchange, 405, "METHOD_NOT_ALLOWED",
                exchange.getRequestMethod() + " is not supported here; use " + allowed);
    }

    static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }
}
