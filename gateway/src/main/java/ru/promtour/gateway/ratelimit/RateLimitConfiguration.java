package ru.promtour.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.web.ClientAddresses;

/**
 * The limiter and key behind the {@code RequestRateLimiter} default filter: per API key (per client
 * address on public routes), per route; the store is chosen by {@code platform.rate-limits.store}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The route id is added by the limiter itself, so the key names only the caller. */
    @Bean
    KeyResolver apiKeyResolver(ClientAddresses clientAddresses) {
        return exchange -> {
            Identity identity = Identity.of(exchange);
            if (identity != null) {
                return Mono.just("key:" + identity.keyId());
            }
            return Mono.just("ip:" + clientAddresses.clientAddress(exchange));
        };
    }

    @Bean("platformRateLimiter")
    @Primary
    @ConditionalOnProperty(name = "platform.rate-limits.store", havingValue = "memory", matchIfMissing = true)
    RateLimiter<Object> memoryRateLimiter(RateLimitProperties properties) {
        return new InMemoryRateLimiter(properties);
    }

    @Bean("platformRateLimiter")
    @Primary
    @ConditionalOnProperty(name = "platform.rate-limits.store", havingValue = "redis")
    RateLimiter<RedisRateLimiter.Config> redisPlatformRateLimiter(RedisRateLimiter redis, RateLimitProperties properties) {
        return new RetryAfterRateLimiter(redis, properties);
    }
}
