package ru.promtour.gateway.instances;

import java.net.ConnectException;
import java.util.List;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * The {@code ConnectRetry} route filter: a call that could not even connect to the chosen instance (refused, or no
 * connection within the connect timeout) is sent again, whatever its method -- the instance never saw it, so even a
 * POST is safe to repeat, and {@link AnotherInstanceOnRetry} sends it to another instance. Nothing else is retried
 * here: after a timeout or an error answer a non-GET may have taken effect (the GET-only Retry filter handles those).
 * Its own filter rather than a second Retry entry: two Retry filters on one route share the exchange's iteration
 * counter and cut each other's retries.
 */
@Component
public class ConnectRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<ConnectRetryGatewayFilterFactory.Config> {

    public ConnectRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("retries");
    }

    @Override
    public GatewayFilter apply(Config config) {
        // a retried request needs its body again: the gateway keeps it for the route (as the Retry filter does)
        enableBodyCaching(config.getRouteId());
        if (config.getRetries() < 0) {
            throw new IllegalArgumentException("ConnectRetry retries must not be negative: " + config.getRetries());
        }
        return (exchange, chain) -> chain.filter(exchange)
            .retryWhen(Retry.max(config.getRetries())
                .filter(ConnectRetryGatewayFilterFactory::couldNotConnect)
                // routed again from the start: the route's URL is resolved and an instance chosen anew
                .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange))
                // the breaker and the fallback see the connection error itself, not a "retries exhausted" wrapper
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    static boolean couldNotConnect(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** {@code retries}: how many more instances to try (1 by default: with two instances, the other one). */
    public static class Config implements HasRouteId {

        private int retries = 1;

        private String routeId;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }
    }
}
