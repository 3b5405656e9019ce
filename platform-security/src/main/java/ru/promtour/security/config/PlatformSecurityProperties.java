package ru.promtour.security.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import ru.promtour.security.token.InternalTokenClaims;
import ru.promtour.security.token.InternalTokenValidators;

/**
 * Settings of the internal-token check, prefix {@code platform.security}. A service normally sets
 * nothing but, where it has them, {@code public-paths}; the JWKS address comes from the environment
 * variable {@code GATEWAY_JWKS_URI}.
 *
 * @param jwkSetUri   where the gateway publishes its public keys; default
 *                    {@code ${GATEWAY_JWKS_URI:http://localhost:8080/.well-known/jwks.json}}
 * @param issuer      required {@code iss}
 * @param audience    value the {@code aud} array must contain
 * @param clockSkew   tolerated clock difference between gateway and service for {@code exp}/{@code nbf}
 * @param publicPaths extra paths (Spring {@code PathPattern} syntax, e.g. {@code /api/v1/catalog/**})
 *                    that need no token
 * @param tokenCacheSize how many verified tokens are kept until their {@code exp}, so a token the gateway
 *                    reuses is verified once ({@code 0}: verify every request)
 * @param maxTokenLifetime the longest {@code exp - iat} a token may have (the gateway's live 60 s); default 5m
 * @param maxRequestBody the largest request body the service reads, whatever the framing (a larger
 *                    {@code Content-Length} or chunked body is a 413); default 256KB, the gateway's limit
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        String jwkSetUri,
        @DefaultValue(InternalTokenClaims.ISSUER) String issuer,
        @DefaultValue(InternalTokenClaims.AUDIENCE) String audience,
        @DefaultValue("10s") Duration clockSkew,
        List<String> publicPaths,
        Integer tokenCacheSize,
        Duration maxTokenLifetime,
        DataSize maxRequestBody) {

    /** The JWKS address used when neither the property nor {@code GATEWAY_JWKS_URI} is set. */
    public static final String DEFAULT_JWK_SET_URI = "http://localhost:8080/.well-known/jwks.json";

    /**
     * Default bound of the verified-token cache: the gateway reuses one token per API key for most of its
     * minute, so the live tokens number about the active keys; a verified token costs a few KB.
     */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 1_000;

    /** Default {@code max-request-body}: the gateway's {@code RequestSize} limit. */
    public static final DataSize DEFAULT_MAX_REQUEST_BODY = DataSize.ofKilobytes(256);

    public PlatformSecurityProperties {
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? DEFAULT_JWK_SET_URI : jwkSetUri;
        issuer = issuer == null ? InternalTokenClaims.ISSUER : issuer;
        audience = audience == null ? InternalTokenClaims.AUDIENCE : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(10) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        tokenCacheSize = tokenCacheSize == null ? DEFAULT_TOKEN_CACHE_SIZE : tokenCacheSize;
        if (tokenCacheSize < 0) {
            throw new IllegalArgumentException("platform.security.token-cache-size must not be negative");
        }
        maxTokenLifetime = maxTokenLifetime == null ? InternalTokenValidators.DEFAULT_MAX_LIFETIME : maxTokenLifetime;
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("platform.security.max-token-lifetime must be positive");
        }
        maxRequestBody = maxRequestBody == null ? DEFAULT_MAX_REQUEST_BODY : maxRequestBody;
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("platform.security.max-request-body must be positive");
        }
    }

    /** The defaults, for code and tests that build a decoder without Spring's binder. */
    public static PlatformSecurityProperties defaults() {
        return new PlatformSecurityProperties(null, null, null, null, null, null, null, null);
    }
}
