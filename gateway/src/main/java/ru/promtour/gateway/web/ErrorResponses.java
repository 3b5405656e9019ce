package ru.promtour.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error the gateway itself answers, in the shape the caller speaks: the OCTO error body
 * ({@code {"error","errorMessage"}}) under {@code /octo/}, {@code application/problem+json} elsewhere.
 */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    public ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    private static final String ORIGINAL_PATH = ErrorResponses.class.getName() + ".originalPath";

    /** Remembers the path the client called, before any forward inside the gateway (e.g. to a fallback). */
    static void rememberOriginalPath(ServerWebExchange exchange) {
        exchange.getAttributes().putIfAbsent(ORIGINAL_PATH, exchange.getRequest().getURI().getRawPath());
    }

    /** The path the client called. */
    public static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ORIGINAL_PATH);
        return path != null ? path : exchange.getRequest().getURI().getRawPath();
    }

    public static boolean isOcto(ServerWebExchange exchange) {
        String path = originalPath(exchange);
        return path.equals("/octo") || path.startsWith("/octo/");
    }

    /** The error in the caller's shape; {@code extraHeaders} such as {@code Retry-After} are added. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, Map<String, String> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body;
        MediaType type;
        if (isOcto(exchange)) {
            Map<String, String> octo = new LinkedHashMap<>();
            octo.put("error", octoCode(status));
            octo.put("errorMessage", detail);
            body = json.writeValueAsBytes(octo);
            type = MediaType.APPLICATION_JSON;
        }
        else {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setInstance(URI.create(originalPath(exchange)));
            body = json.writeValueAsBytes(problem);
            type = MediaType.APPLICATION_PROBLEM_JSON;
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(type);
        headers.setContentLength(body.length);
        if (status == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        extraHeaders.forEach(headers::set);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, Map.of());
    }

    /**
     * OCTO error codes are strings; these are the spec's where it has one. By number, not by constant: some
     * numbers have two constants ({@code HttpStatus.valueOf(413)} is {@code CONTENT_TOO_LARGE}, not the
     * deprecated {@code PAYLOAD_TOO_LARGE}), and a 413 used to fall through to {@code INTERNAL_SERVER_ERROR}.
     */
    static String octoCode(HttpStatus status) {
        return switch (status.value()) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 400, 413, 414 -> "BAD_REQUEST";
            case 422 -> "UNPROCESSABLE_ENTITY";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> "INTERNAL_SERVER_ERROR";
        };
    }
}
