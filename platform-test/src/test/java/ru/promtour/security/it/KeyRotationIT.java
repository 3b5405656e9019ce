package ru.promtour.security.it;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway rotates its key: a token with a key id the service has not seen makes the decoder
 * refetch the JWK Set once, and then it is accepted. Own context and own JWKS stub, so the fetch count
 * is this test's alone.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRotationIT {

    static final ECKey OLD_KEY = TestTokens.newKey("gateway-2026-01");
    static final ECKey NEW_KEY = TestTokens.newKey("gateway-2026-02");
    static final JwksStub JWKS = JwksStub.start(TestTokens.jwkSetJson(OLD_KEY));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwk-set-uri", JWKS::uri);
    }

    @Test
    void aTokenSignedWithANewlyPublishedKeyIsAcceptedAfterOneRefetch() {
        TestHttp http = TestHttp.localhost(port);
        String oldToken = TestTokens.token(TenantType.ENTERPRISE, "ent-1").signedBy(OLD_KEY).sign();
        String newToken = TestTokens.token(TenantType.ENTERPRISE, "ent-1").signedBy(NEW_KEY).sign();

        assertThat(http.get("/api/v1/excursions", "Authorization", TestTokens.bearer(oldToken)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/excursions", "Authorization", TestTokens.bearer(oldToken)).status()).isEqualTo(200);
        assertThat(JWKS.fetches()).as("the key set is cached").isEqualTo(1);

        JWKS.serve(TestTokens.jwkSetJson(OLD_KEY, NEW_KEY));

        assertThat(http.get("/api/v1/excursions", "Authorization", TestTokens.bearer(newToken)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/excursions", "Authorization", TestTokens.bearer(oldToken)).status()).isEqualTo(200);
        assertThat(JWKS.fetches()).as("one refetch for the unknown kid").isEqualTo(2);
    }
}
