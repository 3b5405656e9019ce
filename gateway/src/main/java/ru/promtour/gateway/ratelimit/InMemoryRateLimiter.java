package ru.promtour.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets held in this JVM, one per route and key, for the embedded default where a
 * single gateway runs. Idle buckets are dropped after ten minutes, so memory stays bounded.
 */
public class InMemoryRateLimiter implements RateLimiter<Object> {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofMinutes(10))
        .maximumSize(100_000)
        .build();

    public InMemoryRateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        RateLimitProperties.Limit limit = properties.limitFor(routeId);
        Bucket bucket = buckets.get(routeId + "|" + id, key -> Bucket.builder()
            .addLimit(Bandwidth.builder()
                .capacity(limit.burstCapacity())
                .refillGreedy(limit.replenishRate(), Duration.ofSeconds(1))
                .build())
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Mono.just(new Response(true, Map.of("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()))));
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return Mono.just(new Response(false, Map.of("X-RateLimit-Remaining", "0", "Retry-After", Long.toString(seconds))));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
