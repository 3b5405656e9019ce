package ru.promtour.gateway.observability;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.logging.LogFields;

/**
 * Settles the request id — the client's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise — forwards it, returns it, and writes one access-log line per request: method, path,
 * route, tenant, status, latency. Keys, tokens and query strings are never logged. The id is also the MDC's
 * {@code request.id} for every log line written while the exchange is handled: it rides in the Reactor context
 * and Micrometer's context propagation ({@code spring.reactor.context-propagation: auto}) restores it on
 * whichever thread runs the next operator.
 */
@Component
public class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");
    private static final Logger access = LoggerFactory.getLogger("ru.promtour.gateway.access");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(LogFields.REQUEST_ID));
    }

    /** The request id of this exchange. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "none";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerWebExchange forwarded = exchange.mutate().request(r -> r.headers(h -> h.set(HEADER, id))).build();
        return chain.filter(forwarded).doFinally(signal -> log(forwarded, id, started))
            .contextWrite(Context.of(Slf4jThreadLocalAccessor.KEY, Map.of(LogFields.REQUEST_ID, id)));
    }

    private static void log(ServerWebExchange exchange, String id, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        Identity identity = Identity.of(exchange);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        access.info("{} {} route={} tenant={} status={} latencyMs={} requestId={}",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                route != null ? route.getId() : "-",
                identity != null ? identity.tenantType() + ":" + identity.tenantId() : "-",
                status != null ? status.value() : 0, (System.nanoTime() - started) / 1_000_000, id);
    }
}
