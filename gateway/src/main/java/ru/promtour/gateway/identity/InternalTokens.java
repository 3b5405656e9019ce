package ru.promtour.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import ru.promtour.gateway.auth.Identity;

/**
 * Mints the internal identity token the services trust (contract: platform-security/README.md):
 * ES256, issuer {@code promtour-gateway}, audience {@code promtour-services}, tenant claims, 60 s life.
 * <p>
 * One token per caller (tenant and key) is forwarded again for {@code reuse} (40 s of its 60 s) before a
 * new one is signed. Why: a token per request cost an ECDSA signature here and a verify at the service
 * on every keyed call, while the services verify a token they saw before with one cache lookup. A
 * reused token therefore carries nothing of a single request: the request id travels in the
 * {@code X-Request-Id} header, which the gateway forwards.
 */
public class InternalTokens {

    public static final String ISSUER = "promtour-gateway";
    public static final String AUDIENCE = "promtour-services";

    private final SigningKeyRing keys;
    /** The signer of each key that signed here (one or two while a rotation is under way). */
    private final Map<String, ECDSASigner> signers = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Duration reuse;
    private final Clock clock;

    /** A token and until when it is forwarded again. */
    private record Minted(String token, Instant reuseUntil) {
    }

    /**
     * The token last minted per caller. Bounded (one entry per active key) and dropped a lifetime after it
     * was minted; whether an entry may still be reused is decided by {@link #clock} on every read.
     */
    private final Cache<Identity, Minted> minted;

    /**
     * @param lifetime   {@code exp - iat} of every token
     * @param reuse      how long a token is forwarded again for the same caller; shorter than the lifetime
     * @param maxCallers how many callers' tokens are kept at most
     */
    public InternalTokens(SigningKeyRing keys, Duration lifetime, Duration reuse, long maxCallers, Clock clock) {
        if (reuse.compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("a token must be reused for less than its lifetime");
        }
        this.keys = keys;
        this.lifetime = lifetime;
        this.reuse = reuse;
        this.clock = clock;
        this.minted = Caffeine.newBuilder().maximumSize(maxCallers).expireAfterWrite(lifetime).build();
        signer(keys.signingKey());
    }

    private ECDSASigner signer(ECKey key) {
        return signers.computeIfAbsent(key.getKeyID(), kid -> {
            try {
                return new ECDSASigner(key);
            }
            catch (JOSEException ex) {
                throw new IllegalStateException("Unusable signing key " + kid, ex);
            }
        });
    }

    /**
     * The token to forward for this caller: the one minted for it less than {@code reuse} ago, else a new
     * one (two requests racing at the refresh may both sign; either token is valid).
     */
    public String tokenFor(Identity identity) {
        Instant now = clock.instant();
        Minted current = minted.getIfPresent(identity);
        if (current == null || !now.isBefore(current.reuseUntil())) {
            current = new Minted(mint(identity, now), now.plus(reuse));
            minted.put(identity, current);
        }
        return current.token();
    }

    private String mint(Identity identity, Instant now) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(List.of(AUDIENCE))
            .subject(identity.tenantType() + ":" + identity.tenantId())
            .claim("tenant_type", identity.tenantType().name())
            .claim("tenant_id", identity.tenantId())
            .claim("key_id", identity.keyId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString());
        if (identity.name() != null) {
            builder.claim("tenant_name", identity.name());
        }
        if (identity.email() != null) {
            builder.claim("tenant_email", identity.email());
        }
        JWTClaimsSet claims = builder.build();
        ECKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(signer(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Signing the internal token failed", ex);
        }
        return jwt.serialize();
    }

    /** The public halves of every published key, as the JWK Set the services fetch. */
    public Map<String, Object> publicKeySet() {
        return new JWKSet(List.copyOf(keys.publishedKeys())).toJSONObject();
    }
}
