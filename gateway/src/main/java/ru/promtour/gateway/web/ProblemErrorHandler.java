package ru.promtour.gateway.web;

import java.net.ConnectException;
import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error the gateway itself produces as {@code application/problem+json}: an unknown path
 * is a 404 naming the path, a service that cannot be reached is a 503 (never a bare 500 or an HTML page).
 * Runs before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final JsonMapper json;

    ProblemErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem = toProblem(exchange.getRequest(), ex);
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private ProblemDetail toProblem(ServerHttpRequest request, Throwable ex) {
        String path = request.getPath().value();
        ProblemDetail problem;
        if (ex instanceof ResponseStatusException status && status.getStatusCode().value() == 404) {
            return noRoute(request);
        }
        else if (ex instanceof ResponseStatusException status) {
            problem = ProblemDetail.forStatusAndDetail(status.getStatusCode(),
                    status.getReason() != null ? status.getReason() : HttpStatus.valueOf(status.getStatusCode().value()).getReasonPhrase());
        }
        else if (causedBy(ex, ConnectException.class)) {
            log.warn("Upstream unreachable for {} {}: {}", request.getMethod(), path, ex.toString());
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The service behind " + path + " is unavailable; try again shortly");
        }
        else {
            log.error("Unhandled gateway error for {} {}", request.getMethod(), path, ex);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The request could not be forwarded");
        }
        problem.setInstance(URI.create(request.getURI().getRawPath()));
        return problem;
    }

    static ProblemDetail noRoute(ServerHttpRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No route for " + request.getMethod() + " " + request.getPath().value());
        problem.setInstance(URI.create(request.getURI().getRawPath()));
        return problem;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
