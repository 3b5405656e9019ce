package ru.promtour.gateway.web;

import java.net.URI;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import ru.promtour.gateway.ratelimit.EdgeRateLimits;

/**
 * Tells the services, and the web module above all, who called and how: {@code X-Forwarded-For} (the client's
 * address as the gateway sees it), {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (what the browser asked
 * for, so redirects and links point back at the gateway).
 * <p>
 * Why not Spring Cloud Gateway's own filter: since 4.3 it writes these headers only when
 * {@code trusted-proxies} is set, and setting it also makes the server take the client's address from an
 * {@code X-Forwarded-For} the client sends, which would let any client choose the address the per-address limits
 * count. The gateway is the edge: whatever {@code X-Forwarded-*} a client sends is removed (Spring Cloud Gateway's
 * {@code RemoveXForwardedHeadersFilter}, order 0) and these are set afresh after it.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.set("X-Forwarded-For", EdgeRateLimits.clientAddress(exchange));
        updated.set("X-Forwarded-Proto", uri.getScheme());
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            updated.set("X-Forwarded-Host", host);
        }
        return updated;
    }
}
