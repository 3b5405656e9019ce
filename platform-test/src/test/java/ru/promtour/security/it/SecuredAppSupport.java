package ru.promtour.security.it;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

/**
 * The shared set-up of the end-to-end tests: the test app on a random port whose decoder fetches the
 * test key from a WireMock JWKS endpoint. Subclasses share one application context.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SecuredAppSupport {

    static final JwksStub JWKS = JwksStub.start(TestTokens.jwkSetJson());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwk-set-uri", JWKS::uri);
    }

    TestHttp http() {
        return TestHttp.localhost(port);
    }
}
