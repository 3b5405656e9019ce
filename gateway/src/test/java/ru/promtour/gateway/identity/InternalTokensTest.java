package ru.promtour.gateway.identity;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import ru.promtour.gateway.apikey.TenantType;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** One token per caller, reused for most of its life and refreshed well before it expires. */
class InternalTokensTest {

    private static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final Duration REUSE = Duration.ofSeconds(40);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final ECKey key = newKey();
    private final MutableClock clock = MutableClock.fixedAt(T0);
    private final InternalTokens tokens = new InternalTokens(SigningKeyRing.of(key), LIFETIME, REUSE, 100, clock);

    private final Identity operator = new Identity(TenantType.OPERATOR, "op-1", "key-1", "Байкал-Тур", "booking@baikal-tour.example");
    private final Identity enterprise = new Identity(TenantType.ENTERPRISE, "ent-1", "key-2");

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("gw-test").generate();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void at(Instant instant) {
        clock.set(instant);
    }

    @Test
    void theSameCallerGetsTheSameTokenUntilItsReuseEnds() throws Exception {
        at(T0);
        String first = tokens.tokenFor(operator);
        at(T0.plus(REUSE).minusMillis(1));
        assertThat(tokens.tokenFor(operator)).isEqualTo(first);
        assertThat(claims(first).getExpirationTime().toInstant())
            .as("a reused token has at least lifetime - reuse left")
            .isAfterOrEqualTo(T0.plus(REUSE).plus(LIFETIME.minus(REUSE)).minusMillis(1));

        at(T0.plus(REUSE));
        String refreshed = tokens.tokenFor(operator);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(claims(refreshed).getIssueTime().toInstant()).isEqualTo(T0.plus(REUSE));
        assertThat(claims(refreshed).getExpirationTime().toInstant()).isEqualTo(T0.plus(REUSE).plus(LIFETIME));
        assertThat(tokens.tokenFor(operator)).isEqualTo(refreshed);
    }

    @Test
    void eachCallerHasItsOwnToken() throws Exception {
        at(T0);
        String operatorToken = tokens.tokenFor(operator);
        String enterpriseToken = tokens.tokenFor(enterprise);
        String otherKeyOfTheSameOperator = tokens.tokenFor(
                new Identity(TenantType.OPERATOR, "op-1", "key-3", "Байкал-Тур", "booking@baikal-tour.example"));

        assertThat(operatorToken).isNotEqualTo(enterpriseToken).isNotEqualTo(otherKeyOfTheSameOperator);
        assertThat(claims(enterpriseToken).getStringClaim("tenant_id")).isEqualTo("ent-1");
        assertThat(claims(otherKeyOfTheSameOperator).getStringClaim("key_id")).isEqualTo("key-3");
    }

    @Test
    void aReusedTokenCarriesExactlyTheClaimsTheServicesRead() throws Exception {
        at(T0);
        tokens.tokenFor(operator);
        at(T0.plusSeconds(30));
        SignedJWT jwt = SignedJWT.parse(tokens.tokenFor(operator));

        assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("gw-test");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder(
                "iss", "aud", "sub", "tenant_type", "tenant_id", "key_id", "tenant_name", "tenant_email", "iat", "exp", "jti");
        assertThat(claims.getIssuer()).isEqualTo("promtour-gateway");
        assertThat(claims.getAudience()).containsExactly("promtour-services");
        assertThat(claims.getSubject()).isEqualTo("OPERATOR:op-1");
        assertThat(claims.getStringClaim("tenant_type")).isEqualTo("OPERATOR");
        assertThat(claims.getStringClaim("key_id")).isEqualTo("key-1");
        assertThat(claims.getStringClaim("tenant_name")).isEqualTo("Байкал-Тур");
        assertThat(claims.getStringClaim("tenant_email")).isEqualTo("booking@baikal-tour.example");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(T0);
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
