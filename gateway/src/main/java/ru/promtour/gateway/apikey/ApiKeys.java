package ru.promtour.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.config.EdgeSecurityProperties;

/**
 * Issues, looks up and revokes API keys. A key is {@code ptk_} + 32 random bytes, base64url: shown
 * once at issue, afterwards known only by its hash. A key read from the store is trusted for a short
 * time ({@code platform.security.api-key-cache.ttl}, 4 s): a key revoked here stops at once, a key
 * revoked on another gateway instance within that time.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "ptk_";
    private static final int PREFIX_SHOWN = PREFIX.length() + 6;

    private final ApiKeyRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Keys by hash as last read from the store, revoked ones included. Why: every keyed request used to
     * look its key up in the store, a round trip on the path of every call. Bounded in size and time: an
     * entry lives {@code ttl} after it was read, so a revocation made elsewhere is seen within it, and
     * {@link #revoke} evicts the key on this instance at once. A lookup that finds nothing completes with
     * null, which an {@link AsyncCache} never keeps: unknown keys are not cached at all, so a caller
     * sending random keys cannot fill the cache or push real keys out. Concurrent lookups of one key share
     * one store read.
     */
    private final AsyncCache<String, ApiKey> byHash;

    @Autowired
    public ApiKeys(ApiKeyRepository repository, ReactiveMongoTemplate mongo, Clock clock, EdgeSecurityProperties properties) {
        this(repository, mongo, clock, properties.apiKeyCache(), Ticker.systemTicker());
    }

    ApiKeys(ApiKeyRepository repository, ReactiveMongoTemplate mongo, Clock clock,
            EdgeSecurityProperties.ApiKeyCache cache, Ticker ticker) {
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
        this.byHash = Caffeine.newBuilder()
            .maximumSize(cache.maxSize())
            .expireAfterWrite(cache.ttl())
            .ticker(ticker)
            .buildAsync();
    }

    /** A newly issued key: the stored record and the secret, which exists nowhere else. */
    public record Issued(ApiKey key, String secret) {
    }

    public Mono<Issued> issue(TenantType tenantType, String tenantId, String label) {
        return issue(tenantType, tenantId, null, null, label);
    }

    /** Issues a key whose tokens also carry the tenant's name and email (operators). */
    public Mono<Issued> issue(TenantType tenantType, String tenantId, String tenantName, String tenantEmail, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey("key-" + UUID.randomUUID(), hash(secret), secret.substring(0, PREFIX_SHOWN),
                tenantType, tenantId, tenantName, tenantEmail, label, clock.instant(), null);
        return repository.insert(key).map(saved -> new Issued(saved, secret));
    }

    /** The active key matching the presented secret, or empty. */
    public Mono<ApiKey> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Mono.empty();
        }
        String hash = hash(presented);
        // suppressCancel: a caller that goes away must not cancel the read other callers of this key share
        return Mono.fromFuture(() -> byHash.get(hash, (h, executor) -> repository.findByKeyHash(h).toFuture()), true)
            .filter(ApiKey::active);
    }

    /**
     * Revokes the key, and forgets it on this instance at once (other instances within the cache's ttl);
     * empty when there is no such key. Revoking twice keeps the first time.
     */
    public Mono<ApiKey> revoke(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").isNull());
        return mongo.updateFirst(query, Update.update("revokedAt", clock.instant()), ApiKey.class)
            .then(repository.findById(id))
            .doOnNext(key -> byHash.synchronous().invalidate(key.keyHash()));
    }

    /** How many keys are cached now (tests). */
    long cachedKeys() {
        byHash.synchronous().cleanUp();
        return byHash.synchronous().estimatedSize();
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
