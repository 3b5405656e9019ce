package ru.promtour.security.token;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The one set of claim checks every decoder of internal tokens applies (the production decoder and the
 * test decoder alike): {@code exp}/{@code nbf} with a small clock skew and {@code exp} required, a lifetime
 * ceiling ({@link TokenLifetimeValidator}), the issuer, the audience, and the tenant claims. The signature is checked by the decoder itself.
 */
public final class InternalTokenValidators {

    /** The longest {@code exp - iat} accepted unless configured: the gateway's tokens live 60 s. */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(5);

    private InternalTokenValidators() {
    }

    /**
     * @param issuer    the required {@code iss}
     * @param audience  a value {@code aud} must contain
     * @param clockSkew tolerated clock difference between gateway and service
     */
    public static OAuth2TokenValidator<Jwt> create(String issuer, String audience, Duration clockSkew) {
        return create(issuer, audience, clockSkew, DEFAULT_MAX_LIFETIME, Clock.systemUTC());
    }

    /** The same checks with another lifetime ceiling. */
    public static OAuth2TokenValidator<Jwt> create(String issuer, String audience, Duration clockSkew, Duration maxLifetime) {
        return create(issuer, audience, clockSkew, maxLifetime, Clock.systemUTC());
    }

    /** The same checks, with {@code exp}/{@code nbf}/{@code iat} judged by {@code clock} (tests move it). */
    public static OAuth2TokenValidator<Jwt> create(String issuer, String audience, Duration clockSkew, Duration maxLifetime,
                                                   Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                timestamps,
                new TokenLifetimeValidator(maxLifetime, clockSkew, clock),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new TenantClaimsValidator());
    }
}
