package ru.promtour.gateway.web;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services, and the web module above all, who called and how: {@code X-Forwarded-For} (the client's
 * address as {@link ClientAddresses} resolves it), {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (what the
 * browser asked for, so redirects and links point back at the entrance it used).
 * <p>
 * Why not Spring Cloud Gateway's own filter: since 4.3 it writes these headers only when
 * {@code trusted-proxies} is set, and setting it also makes the server take the client's address from an
 * {@code X-Forwarded-For} the client sends, which would let any client choose the address the per-address limits
 * count. Whatever {@code X-Forwarded-*} arrives is removed (Spring Cloud Gateway's
 * {@code RemoveXForwardedHeadersFilter}, order 0) and these are set afresh after it. Only a trusted proxy
 * ({@code platform.edge.trusted-proxies}) is believed about the scheme and host: TLS ends there, and the web module
 * must build https links. Its values are read from the request as received and must look like a scheme and a host.
 */
@Component
class ForwardedHeaders implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    private static final Pattern PROTO = Pattern.compile("(?i)https?");
    /** A host name or IPv4 address, or an IPv6 address in brackets, with an optional port. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");

    private final ClientAddresses clientAddresses;

    ForwardedHeaders(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        boolean fromProxy = clientAddresses.fromTrustedProxy(exchange);
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        updated.set(ClientAddresses.X_FORWARDED_FOR, clientAddresses.clientAddress(exchange));
        String proto = fromProxy ? proxied(request, X_FORWARDED_PROTO, PROTO) : null;
        updated.set(X_FORWARDED_PROTO, proto != null ? proto.toLowerCase(Locale.ROOT) : uri.getScheme());
        String host = fromProxy ? proxied(request, X_FORWARDED_HOST, HOST) : null;
        if (host == null) {
            host = request.getHeaders().getFirst(HttpHeaders.HOST);
        }
        if (host != null) {
            updated.set(X_FORWARDED_HOST, host);
        }
        return updated;
    }

    /**
     * The proxy's value of a header, or null when it sent none or one that does not fit. Of a list the first is the
     * outermost proxy's, what the browser itself used (as Spring's own forwarded-header handling reads it).
     */
    private static String proxied(ServerHttpRequest request, String name, Pattern shape) {
        String value = request.getHeaders().getFirst(name);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        String first = (comma < 0 ? value : value.substring(0, comma)).strip();
        return shape.matcher(first).matches() ? first : null;
    }
}
