package ru.promtour.gateway.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * problem+json for the gateway's own endpoints (the admin API), with one entry per invalid field so
 * a client can tell exactly what to fix.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(),
                    "message", error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid"))
            .toList();
        problem.setDetail("Invalid request: " + errors.stream()
            .map(error -> error.get("field") + " " + error.get("message")).sorted().toList());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** A path no route and no endpoint serves: say so in the same words as {@link ProblemErrorHandler}. */
    @ExceptionHandler(NoResourceFoundException.class)
    Mono<ResponseEntity<Object>> handleNoRoute(NoResourceFoundException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemErrorHandler.noRoute(exchange.getRequest());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(404), exchange);
    }
}
