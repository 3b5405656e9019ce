package ru.promtour.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminApiKey   the bootstrap admin key ({@code ADMIN_API_KEY}); required in every profile, at least 16
 *                      characters and no placeholder (checked at start by {@link ru.promtour.gateway.auth.AdminKey})
 * @param tokenLifetime how long an internal identity token is valid
 * @param tokenReuse    how long a minted token is forwarded again for the same caller before a new one is
 *                      signed; shorter than the lifetime, so a forwarded token always has
 *                      {@code tokenLifetime - tokenReuse} left
 * @param apiKeyCache   the cache of verified API keys
 * @param signingKeys   where the internal token signing keys live and how they rotate
 */
@ConfigurationProperties("platform.security")
public record EdgeSecurityProperties(
        String adminApiKey,
        @DefaultValue("60s") Duration tokenLifetime,
        @DefaultValue("40s") Duration tokenReuse,
        @DefaultValue ApiKeyCache apiKeyCache,
        @DefaultValue SigningKeys signingKeys) {

    public EdgeSecurityProperties {
        if (tokenReuse.compareTo(tokenLifetime) >= 0) {
            throw new IllegalArgumentException("platform.security.token-reuse (" + tokenReuse
                    + ") must be shorter than platform.security.token-lifetime (" + tokenLifetime + ")");
        }
        if (signingKeys.retention().compareTo(tokenLifetime) <= 0) {
            throw new IllegalArgumentException("platform.security.signing-keys.retention (" + signingKeys.retention()
                    + ") must be longer than platform.security.token-lifetime (" + tokenLifetime
                    + "): a token signed with a replaced key must stay verifiable until it expires");
        }
        if (signingKeys.activationDelay().compareTo(signingKeys.reloadInterval()) <= 0) {
            throw new IllegalArgumentException("platform.security.signing-keys.activation-delay must be longer than "
                    + "its reload-interval: every gateway instance publishes a new key before any signs with it");
        }
    }

    /**
     * @param ttl     how long a key read from the store is trusted: a key revoked on another gateway
     *                instance (or in the store) is refused at most this long after (the instance that
     *                revokes it forgets it at once)
     * @param maxSize how many keys are kept at most (unknown keys are never kept)
     */
    public record ApiKeyCache(@DefaultValue("4s") Duration ttl, @DefaultValue("10000") long maxSize) {
    }

    /**
     * @param directory       the directory of key files, readable by the gateway only (a mounted secret or volume);
     *                        created with a first key when empty
     * @param activationDelay how long a new key is published before it signs (longer than the reload interval)
     * @param retention       how long a replaced key stays published (longer than a token's lifetime)
     * @param reloadInterval  how often each instance re-reads the directory
     */
    public record SigningKeys(@DefaultValue(".data/gateway-keys") java.nio.file.Path directory,
                              @DefaultValue("2m") Duration activationDelay,
                              @DefaultValue("10m") Duration retention,
                              @DefaultValue("30s") Duration reloadInterval) {
    }

    @Override
    public String toString() {
        return "EdgeSecurityProperties[adminApiKey=" + (adminApiKey == null || adminApiKey.isBlank() ? "unset" : "***")
                + ", tokenLifetime=" + tokenLifetime + ", tokenReuse=" + tokenReuse + ", apiKeyCache=" + apiKeyCache + ", signingKeys=" + signingKeys + "]";
    }
}
