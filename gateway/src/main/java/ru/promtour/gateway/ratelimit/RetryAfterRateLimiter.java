package ru.promtour.gateway.ratelimit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis token bucket (shared by every gateway instance), with the limits of
 * {@link RateLimitProperties} and a {@code Retry-After} on refusal, which the Redis limiter omits.
 */
public class RetryAfterRateLimiter implements RateLimiter<RedisRateLimiter.Config> {

    private final RedisRateLimiter redis;
    private final RateLimitProperties properties;

    public RetryAfterRateLimiter(RedisRateLimiter redis, RateLimitProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RateLimitProperties.Limit limit = properties.limitFor(routeId);
        redis.getConfig().computeIfAbsent(routeId, route -> new RedisRateLimiter.Config()
            .setReplenishRate(limit.replenishRate())
            .setBurstCapacity(limit.burstCapacity())
            .setRequestedTokens(1));
        return redis.isAllowed(routeId, id).map(response -> {
            if (response.isAllowed()) {
                return response;
            }
            Map<String, String> headers = new HashMap<>(response.getHeaders());
            headers.put("Retry-After", Long.toString(Math.max(1, (long) Math.ceil(1.0 / limit.replenishRate()))));
            return new Response(false, headers);
        });
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return redis.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return RedisRateLimiter.Config.class;
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return redis.newConfig();
    }
}
