package ru.promtour.gateway.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gateway filters such as {@code RequestRateLimiter} (429) refuse a request by completing an empty
 * response. This gives those refusals a body in the caller's shape (OCTO or problem+json) that says why,
 * keeping their headers ({@code Retry-After}). (Bodies over the limit are refused by {@link RequestBodyLimit}.)
 */
@Component
class EmptyErrorBodies implements WebFilter, Ordered {

    private static final Map<Integer, String> REASONS = Map.of(
            429, "Too many requests for this API key on this route; retry after the number of seconds in Retry-After");

    private final ErrorResponses errors;

    EmptyErrorBodies(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ErrorResponses.rememberOriginalPath(exchange);
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status != null && REASONS.containsKey(status.value()) && !isCommitted()) {
                    HttpHeaders headers = getHeaders();
                    String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
                    return errors.write(exchange, HttpStatus.valueOf(status.value()), REASONS.get(status.value()),
                            retryAfter != null ? Map.of(HttpHeaders.RETRY_AFTER, retryAfter) : Map.of());
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }
}
