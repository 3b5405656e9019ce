package ru.promtour.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each distinct token once and then remembers it until its {@code exp}.
 * <p>
 * Why: the gateway reuses one internal token per API key for most of the token's life, and an ES256
 * verify (plus parsing and the claim checks) costs far more than a hash lookup; on the reserve path it
 * was paid on every request. What is cached is only a token that the delegate fully verified
 * (signature, issuer, audience, tenant claims, time), keyed by the exact token string, so a cache hit
 * is the same answer the delegate gave. An entry is never served at or after the token's {@code exp}:
 * such a token goes back to the delegate, which applies the clock skew and rejects it once it is
 * expired. Unverified or rejected tokens are never stored, so callers cannot fill the cache with junk;
 * its size is bounded and the least useful entries are evicted first.
 * <p>
 * A key removed from the gateway's key set stops tokens already verified with it only at their
 * {@code exp} (at most the token lifetime, 60 s).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /**
     * @param delegate    the decoder that verifies a token the cache does not know
     * @param maximumSize how many verified tokens are kept at most
     * @param clock       decides whether a cached token has reached its {@code exp}
     */
    public CachingJwtDecoder(JwtDecoder delegate, long maximumSize, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(Expiry.writing((String token, Jwt jwt) -> timeLeft(jwt)))
            .build();
    }

    public CachingJwtDecoder(JwtDecoder delegate, long maximumSize) {
        this(delegate, maximumSize, Clock.systemUTC());
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (isLive(known)) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = delegate.decode(token);
        if (isLive(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many tokens are held now (for tests and diagnostics). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private boolean isLive(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration timeLeft(Jwt jwt) {
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
