package ru.promtour.security.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the gateway's key set cannot be fetched, a token cannot be verified, so it is refused with the
 * platform's 401 (fail closed), not a 500; public paths keep working.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnreachableJwksIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwk-set-uri", () -> "http://127.0.0.1:" + closedPort() + "/.well-known/jwks.json");
    }

    @Test
    void aTokenThatCannotBeVerifiedIsRefusedWith401() {
        TestHttp http = TestHttp.localhost(port);

        TestHttp.Response response = http.get("/api/v1/excursions", "Authorization", TestTokens.bearer(TestTokens.admin()));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(http.get("/api/v1/catalog/x").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
