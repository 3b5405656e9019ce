package ru.promtour.gateway.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.result.UpdateResult;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.config.EdgeSecurityProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The cache of verified keys, with the store mocked and the cache's time moved by the test. */
class ApiKeysTest {

    private static final Duration TTL = Duration.ofSeconds(4);
    private static final String SECRET = "ptk_" + "k".repeat(43);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final ApiKeyRepository repository = mock(ApiKeyRepository.class);
    private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);
    private final AtomicLong nanos = new AtomicLong();
    private final ApiKeys keys = keys(10_000);

    private ApiKeys keys(long maxSize) {
        return new ApiKeys(repository, mongo, Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                new EdgeSecurityProperties.ApiKeyCache(TTL, maxSize), nanos::get);
    }

    private static ApiKey key(String secret, Instant revokedAt) {
        return new ApiKey("key-1", ApiKeys.hash(secret), secret.substring(0, 10), TenantType.OPERATOR, "op-1",
                "Baikal Tour", "ops@baikal-tour.ru", "test", NOW.minusSeconds(3600), revokedAt);
    }

    @Test
    void aKeyIsReadFromTheStoreOnceWhileCached() {
        when(repository.findByKeyHash(ApiKeys.hash(SECRET))).thenReturn(Mono.just(key(SECRET, null)));

        for (int i = 0; i < 5; i++) {
            assertThat(keys.authenticate(SECRET).block()).extracting(ApiKey::tenantId).isEqualTo("op-1");
        }

        verify(repository, times(1)).findByKeyHash(anyString());
    }

    @Test
    void aKeyRevokedElsewhereIsRefusedOnceTheTtlHasPassed() {
        when(repository.findByKeyHash(ApiKeys.hash(SECRET)))
            .thenReturn(Mono.just(key(SECRET, null)), Mono.just(key(SECRET, NOW)));
        assertThat(keys.authenticate(SECRET).block()).isNotNull();

        // another gateway instance revokes it in the store now; this one trusts what it read for at most the ttl
        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(keys.authenticate(SECRET).block()).isNotNull();

        nanos.addAndGet(1);
        assertThat(keys.authenticate(SECRET).blockOptional()).isEmpty();
        verify(repository, times(2)).findByKeyHash(anyString());
    }

    @Test
    void revokingAKeyHereRefusesItAtOnce() {
        when(repository.findByKeyHash(ApiKeys.hash(SECRET)))
            .thenReturn(Mono.just(key(SECRET, null)), Mono.just(key(SECRET, NOW)));
        when(mongo.updateFirst(any(Query.class), any(Update.class), eq(ApiKey.class)))
            .thenReturn(Mono.just(UpdateResult.acknowledged(1, 1L, null)));
        when(repository.findById("key-1")).thenReturn(Mono.just(key(SECRET, NOW)));
        assertThat(keys.authenticate(SECRET).block()).isNotNull();

        keys.revoke("key-1").block();

        assertThat(keys.authenticate(SECRET).blockOptional()).as("no time has passed").isEmpty();
    }

    @Test
    void unknownKeysAreNeitherCachedNorAbleToFillTheCache() {
        when(repository.findByKeyHash(anyString())).thenReturn(Mono.empty());

        for (int i = 0; i < 100; i++) {
            assertThat(keys.authenticate("ptk_unknown-" + i).blockOptional()).isEmpty();
        }
        assertThat(keys.authenticate("ptk_unknown-0").blockOptional()).isEmpty();

        verify(repository, times(101)).findByKeyHash(anyString());
        assertThat(keys.cachedKeys()).isZero();
    }

    @Test
    void theCacheHoldsNoMoreKeysThanItsBound() {
        ApiKeys small = keys(3);
        when(repository.findByKeyHash(anyString())).thenAnswer(call -> Mono.just(key(SECRET, null)));

        for (int i = 0; i < 20; i++) {
            small.authenticate("ptk_known-" + i).block();
        }

        assertThat(small.cachedKeys()).isLessThanOrEqualTo(3);
    }
}
