package ru.promtour.security.token;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import ru.promtour.security.config.PlatformSecurityProperties;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.test.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claim checks, through a decoder that trusts the test key (as TestSecurityConfiguration sets it up). */
class InternalTokenValidatorsTest {

    private final JwtDecoder decoder = TestTokens.jwtDecoder(PlatformSecurityProperties.defaults());

    @Test
    void aTokenAsTheGatewayMintsItIsAccepted() {
        Jwt jwt = decoder.decode(TestTokens.operator("op-1"));

        assertThat(jwt.getClaimAsString("tenant_type")).isEqualTo("OPERATOR");
        assertThat(jwt.getClaimAsString("tenant_id")).isEqualTo("op-1");
    }

    @Test
    void theTypHeaderIsOptional() {
        decoder.decode(TestTokens.token(TenantType.ADMIN, "admin").sign());
        decoder.decode(TestTokens.token(TenantType.ADMIN, "admin").type("JWT").sign());
    }

    @Test
    void anAudienceListThatContainsOursIsAccepted() {
        decoder.decode(TestTokens.token(TenantType.ADMIN, "admin").audience("other", "promtour-services").sign());
    }

    @Test
    void aTokenJustExpiredWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now();
        decoder.decode(TestTokens.token(TenantType.ENTERPRISE, "ent-1")
            .issuedAt(now.minusSeconds(65)).expiresAt(now.minusSeconds(5)).sign());
    }

    @Test
    void aTokenExpiredBeyondTheClockSkewIsRejected() {
        Instant now = Instant.now();
        String token = TestTokens.token(TenantType.ENTERPRISE, "ent-1")
            .issuedAt(now.minusSeconds(80)).expiresAt(now.minusSeconds(20)).sign();

        assertRejected(token, "expired");
    }

    @Test
    void expiredTokensAreRejected() {
        assertRejected(TestTokens.expired(TenantType.OPERATOR, "op-1"), "expired");
    }

    @Test
    void tokensWithoutExpiryAreRejected() {
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").without("exp").sign(), "exp");
    }

    @Test
    void aTokenLivingLongerThanTheCeilingIsRejected() {
        Instant now = Instant.now();
        String hours = TestTokens.token(TenantType.ADMIN, "admin").issuedAt(now).expiresAt(now.plusSeconds(2 * 3600)).sign();

        assertRejected(hours, "lives longer than PT5M");
        decoder.decode(TestTokens.token(TenantType.ADMIN, "admin").issuedAt(now).expiresAt(now.plusSeconds(300)).sign());
    }

    @Test
    void aTokenIssuedInTheFutureOrWithoutIatIsRejected() {
        Instant later = Instant.now().plusSeconds(3600);

        assertRejected(TestTokens.token(TenantType.ADMIN, "admin").issuedAt(later).expiresAt(later.plusSeconds(60)).sign(),
                "iat is in the future");
        // Spring reads a missing iat as exp - 1 s: a minute's token without iat is "issued" in the future
        assertRejected(TestTokens.token(TenantType.ADMIN, "admin").without("iat").sign(), "iat is in the future");
    }

    @Test
    void anotherIssuerIsRejected() {
        assertRejected(TestTokens.wrongIssuer(TenantType.OPERATOR, "op-1"), "iss");
    }

    @Test
    void anotherAudienceIsRejected() {
        assertRejected(TestTokens.wrongAudience(TenantType.OPERATOR, "op-1"), "aud");
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").without("aud").sign(), "aud");
    }

    @Test
    void tenantClaimsMustNameAKnownTypeAndAnId() {
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").without("tenant_type").sign(), "tenant_type");
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").claim("tenant_type", "operator").sign(), "tenant_type");
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").claim("tenant_type", "ROOT").sign(), "tenant_type");
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").without("tenant_id").sign(), "tenant_id");
        assertRejected(TestTokens.token(TenantType.OPERATOR, "op-1").claim("tenant_id", "  ").sign(), "tenant_id");
    }

    @Test
    void aForgedSignatureIsRejected() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.signedByAnotherKey(TenantType.ADMIN, "admin")))
            .isInstanceOf(BadJwtException.class);
    }

    private void assertRejected(String token, String reasonInMessage) {
        assertThatThrownBy(() -> decoder.decode(token))
            .isInstanceOf(JwtException.class)
            .hasMessageContaining(reasonInMessage);
    }
}
