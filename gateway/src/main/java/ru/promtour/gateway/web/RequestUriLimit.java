package ru.promtour.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's limit on a request's path and query ({@code platform.max-uri-length}, 4 KB as received): a longer
 * one is a 414 in the caller's shape (OCTO under {@code /octo/}, problem+json elsewhere), before authentication
 * and never forwarded. Reactor Netty refused such a request line itself with an empty 414 (found by the fuzzer,
 * docs/reliability.md); its own limit ({@code server.netty.max-initial-line-length}) is set well above this one
 * so this filter is the one that answers.
 */
@Component
class RequestUriLimit implements WebFilter, Ordered {

    private final ErrorResponses errors;
    private final long maxBytes;
    private final String detail;

    RequestUriLimit(ErrorResponses errors, @Value("${platform.max-uri-length:4KB}") DataSize maxUri) {
        this.errors = errors;
        this.maxBytes = maxUri.toBytes();
        this.detail = "The request's path and query are longer than the gateway accepts: at most " + maxBytes + " bytes";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // raw, as received: percent-encoded characters count as the bytes that arrived
        if (exchange.getRequest().getURI().getRawPath().length() + rawQueryLength(exchange) > maxBytes) {
            return errors.write(exchange, HttpStatus.URI_TOO_LONG, detail);
        }
        return chain.filter(exchange);
    }

    private static int rawQueryLength(ServerWebExchange exchange) {
        String query = exchange.getRequest().getURI().getRawQuery();
        return query == null ? 0 : query.length() + 1;
    }
}
