package ru.promtour.test.security;

import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import ru.promtour.security.tenant.TenantType;

import static org.assertj.core.api.Assertions.assertThat;

/** TestTokens mints what the gateway mints: the contract of the internal JWT, claim by claim. */
class TestTokensTest {

    @Test
    void tokensFollowTheGatewayContract() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TestTokens.enterprise("ent-1"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestTokens.KEY_ID);
        assertThat(jwt.getHeader().getType()).as("the gateway sends no typ").isNull();
        assertThat(claims.getIssuer()).isEqualTo("promtour-gateway");
        assertThat(claims.getAudience()).containsExactly("promtour-services");
        assertThat(claims.getSubject()).isEqualTo("ENTERPRISE:ent-1");
        assertThat(claims.getStringClaim("tenant_type")).isEqualTo("ENTERPRISE");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("ent-1");
        assertThat(claims.getStringClaim("key_id")).isNotBlank();
        assertThat(claims.getStringClaim("request_id")).isNotBlank();
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
            .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void adminAndOperatorTokensNameTheirTenant() throws Exception {
        assertThat(SignedJWT.parse(TestTokens.admin()).getJWTClaimsSet().getSubject()).isEqualTo("ADMIN:admin");
        assertThat(SignedJWT.parse(TestTokens.operator("op-1")).getJWTClaimsSet().getStringClaim("tenant_type"))
            .isEqualTo("OPERATOR");
    }

    @Test
    void theJwkSetHoldsOnlyThePublicKey() throws Exception {
        JWKSet set = JWKSet.parse(TestTokens.jwkSetJson());

        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().get(0).getKeyID()).isEqualTo(TestTokens.KEY_ID);
        assertThat(set.getKeys().get(0).isPrivate()).isFalse();
        assertThat(TestTokens.jwkSetJson()).startsWith("{").contains("\"keys\"");
    }

    @Test
    void theForgeryCarriesTheRightKeyIdButAnotherSignature() throws Exception {
        SignedJWT forged = SignedJWT.parse(TestTokens.signedByAnotherKey(TenantType.ADMIN, "admin"));

        assertThat(forged.getHeader().getKeyID()).isEqualTo(TestTokens.KEY_ID);
        assertThat(forged.verify(new ECDSAVerifier(
                TestTokens.jwkSet().getKeys().get(0).toECKey()))).isFalse();
    }
}
