package ru.promtour.security.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import ru.promtour.security.tenant.TenantAuthentication;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache in front of the real ES256 decoder, with the time of both under the test's control. */
class CachingJwtDecoderTest {

    private final Instant start = Instant.now();
    private final MutableClock clock = MutableClock.fixedAt(start);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifying = verifyingDecoder();

    private JwtDecoder verifyingDecoder() {
        NimbusJwtDecoder real = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(TestTokens.jwkSet()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
        real.setJwtValidator(InternalTokenValidators.create(
                InternalTokenClaims.ISSUER, InternalTokenClaims.AUDIENCE, Duration.ofSeconds(10),
                InternalTokenValidators.DEFAULT_MAX_LIFETIME, clock));
        return token -> {
            verifications.incrementAndGet();
            return real.decode(token);
        };
    }

    @Test
    void aReusedTokenIsVerifiedOnceAndGivesTheSameAuthentication() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);
        String token = TestTokens.operator("op-1", "Байкал-Тур", "booking@baikal-tour.example");

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        TenantAuthenticationConverter converter = new TenantAuthenticationConverter();
        TenantAuthentication a = converter.convert(first);
        TenantAuthentication b = converter.convert(second);
        assertThat(b.tenant()).isEqualTo(a.tenant());
        assertThat(b.getToken()).isSameAs(a.getToken());
        assertThat(b.getAuthorities()).map(GrantedAuthority::getAuthority)
            .containsExactlyElementsOf(a.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
            .contains("ROLE_OPERATOR");
        assertThat(b.tenant().email()).isEqualTo("booking@baikal-tour.example");
    }

    @Test
    void aCachedTokenIsVerifiedAgainAtItsExpiryAndRejectedOnceExpired() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);
        String token = TestTokens.token(TenantType.ENTERPRISE, "ent-1")
            .issuedAt(start).expiresAt(start.plusSeconds(60)).sign();
        decoder.decode(token);

        clock.set(start.plusSeconds(60));
        decoder.decode(token); // past exp, within the 10 s skew: the real decoder still accepts it
        assertThat(verifications).as("never served from the cache at or after exp").hasValue(2);

        clock.set(start.plusSeconds(71));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
            .hasMessageContaining("expired");
        assertThat(decoder.size()).isZero();
    }

    @Test
    void aRejectedTokenIsNeverCached() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 100, clock);
        String forged = TestTokens.signedByAnotherKey(TenantType.ADMIN, "admin");

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void theCacheHoldsNoMoreTokensThanItsBound() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifying, 3, clock);
        for (int i = 0; i < 20; i++) {
            decoder.decode(TestTokens.enterprise("ent-" + i));
        }
        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }
}
