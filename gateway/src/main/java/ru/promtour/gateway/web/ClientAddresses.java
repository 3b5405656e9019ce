package ru.promtour.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from: the key of every per-client limit (anonymous rate limits, failed-authentication
 * blocking) and the {@code X-Forwarded-For} the services receive. Every caller asks here, so they all agree.
 * <p>
 * Without trusted proxies (the default) it is the TCP peer and whatever {@code X-Forwarded-For} a client sends is
 * ignored: a client must not choose the address it is counted by. When the peer is a trusted proxy, the header is
 * read from the right (the last hop first), skipping addresses that are trusted proxies themselves; the first
 * untrusted one is the client. Everything left of it was written by parties nobody vouches for. An entry that is
 * not a literal address stops the walk at the last address known, the peer when it is the right-most entry.
 */
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

    private final TrustedProxies trustedProxies;

    public ClientAddresses(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The client's address, as an IP literal ("unknown" only when the server knows no peer at all). */
    public String clientAddress(ServerWebExchange exchange) {
        // asked by the key resolver, the failed-authentication limit and the forwarded headers: read the header once
        return exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> resolve(exchange)).toString();
    }

    /** Whether the TCP peer is a trusted proxy, so that its {@code X-Forwarded-*} headers are believed. */
    public boolean fromTrustedProxy(ServerWebExchange exchange) {
        return !trustedProxies.isEmpty() && trustedProxies.trusts(peer(exchange));
    }

    private String resolve(ServerWebExchange exchange) {
        InetAddress peer = peer(exchange);
        if (peer == null) {
            return "unknown";
        }
        InetAddress client = peer;
        if (trustedProxies.trusts(peer)) {
            List<String> hops = hops(exchange.getRequest().getHeaders().get(X_FORWARDED_FOR));
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = TrustedProxies.literal(hops.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!trustedProxies.trusts(hop)) {
                    break;
                }
            }
        }
        return client.getHostAddress();
    }

    /** Every hop of every {@code X-Forwarded-For} line, in order (several lines read as one comma-separated list). */
    private static List<String> hops(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream()
            .flatMap(line -> Arrays.stream(line.split(",", -1)))
            .map(String::strip)
            .toList();
    }

    private static InetAddress peer(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
