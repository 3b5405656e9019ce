package ru.promtour.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues, looks up and revokes API keys. A key is {@code ptk_} + 32 random bytes, base64url: shown
 * once at issue, afterwards known only by its hash. Lookups go to the store every time, so a revoked
 * key stops working on the very next request, on every gateway instance.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "ptk_";
    private static final int PREFIX_SHOWN = PREFIX.length() + 6;

    private final ApiKeyRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(ApiKeyRepository repository, ReactiveMongoTemplate mongo, Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.clock = clock;
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
        return repository.findByKeyHash(hash(presented)).filter(ApiKey::active);
    }

    /** Revokes the key; empty when there is no such key. Revoking twice keeps the first time. */
    public Mono<ApiKey> revoke(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("revokedAt").isNull());
        return mongo.updateFirst(query, Update.update("revokedAt", clock.instant()), ApiKey.class)
            .then(repository.findById(id));
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
