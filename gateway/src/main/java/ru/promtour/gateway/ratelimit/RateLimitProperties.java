package ru.promtour.gateway.ratelimit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token-bucket limits per API key and route ({@code platform.rate-limits}).
 *
 * @param store    {@code memory} (one gateway) or {@code redis} (shared by every gateway instance)
 * @param defaults the limit of a route that has none of its own
 * @param routes   limits by route id
 */
@ConfigurationProperties("platform.rate-limits")
public record RateLimitProperties(@DefaultValue("memory") String store, @DefaultValue Limit defaults, Map<String, Limit> routes) {

    public RateLimitProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /**
     * @param replenishRate tokens added per second
     * @param burstCapacity the bucket's size: how many requests may arrive at once
     */
    public record Limit(@DefaultValue("20") int replenishRate, @DefaultValue("40") int burstCapacity) {
    }

    public Limit limitFor(String routeId) {
        return routes.getOrDefault(routeId, defaults);
    }
}
