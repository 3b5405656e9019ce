package ru.promtour.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.web.ClientAddresses;

/**
 * Limits outside the routes, with the routes' limiter (the same token buckets, in memory or in Redis) under two
 * bucket names that are not route ids: {@value #FAILED_AUTHENTICATIONS} per client address, counting only
 * requests whose API key is missing, unknown or revoked (the address as {@link ClientAddresses} resolves it), and {@value #ADMIN} per caller of the gateway's own
 * admin API ({@code /admin/**}). Their sizes are {@code platform.rate-limits.routes.<name>}.
 * <p>
 * A client refused for failing too often is refused outright — before its key is even looked up, whatever key
 * it sends — until its {@code Retry-After} has passed, so guessing keys is held to the bucket's rate and an
 * unknown key (never cached) cannot make the store read without bound. That refusal is remembered by this
 * instance; the bucket behind it is shared in Redis.
 */
@Component
public class EdgeRateLimits {

    public static final String FAILED_AUTHENTICATIONS = "failed-authentications";
    public static final String ADMIN = "admin";

    private final RateLimiter<?> limiter;
    private final ClientAddresses clientAddresses;
    private final Clock clock;
    /** Client address → until when (epoch ms) it is refused for failing to authenticate too often. */
    private final Cache<String, Long> blockedUntil = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofMinutes(10))
        .maximumSize(100_000)
        .build();

    public EdgeRateLimits(@Qualifier("platformRateLimiter") RateLimiter<?> limiter, ClientAddresses clientAddresses,
                          Clock clock) {
        this.limiter = limiter;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
    }

    /** Seconds this client is still refused for failing to authenticate too often; 0 when it is not. */
    public long blockedSeconds(ServerWebExchange exchange) {
        Long until = blockedUntil.getIfPresent(clientAddresses.clientAddress(exchange));
        long left = until == null ? 0 : until - clock.millis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /** Counts a failed authentication of this client: the Retry-After (seconds) when it is one too many, else 0. */
    public Mono<Long> failedAuthentication(ServerWebExchange exchange) {
        String client = clientAddresses.clientAddress(exchange);
        return retryAfter(FAILED_AUTHENTICATIONS, "ip:" + client).doOnNext(seconds -> {
            if (seconds > 0) {
                blockedUntil.put(client, clock.millis() + seconds * 1000);
            }
        });
    }

    /** A call to the admin API by this caller (a key id): the Retry-After (seconds) when over the limit, else 0. */
    public Mono<Long> adminCall(String keyId) {
        return retryAfter(ADMIN, "key:" + keyId);
    }

    private Mono<Long> retryAfter(String bucket, String id) {
        return limiter.isAllowed(bucket, id).map(response -> {
            if (response.isAllowed()) {
                return 0L;
            }
            String retryAfter = response.getHeaders().get("Retry-After");
            return retryAfter != null && retryAfter.matches("[0-9]{1,9}") ? Math.max(1, Long.parseLong(retryAfter)) : 1L;
        });
    }
}
