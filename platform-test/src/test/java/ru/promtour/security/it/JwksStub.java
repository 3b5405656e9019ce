package ru.promtour.security.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in for the gateway's {@code /.well-known/jwks.json}: a WireMock server on a free port serving
 * a JWK Set, so the library's real decoder path (fetch, cache, refetch on unknown kid) is exercised.
 * It lives as long as the JVM, like the cached application contexts that point at it.
 */
final class JwksStub {

    static final String PATH = "/.well-known/jwks.json";

    private final WireMockServer server;

    private JwksStub(String jwkSetJson) {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        serve(jwkSetJson);
    }

    /** Starts a server serving {@code jwkSetJson}. */
    static JwksStub start(String jwkSetJson) {
        return new JwksStub(jwkSetJson);
    }

    /** Serves {@code jwkSetJson} from now on (a key rotation on the gateway). */
    void serve(String jwkSetJson) {
        // the content type the gateway's JwksController answers with
        server.stubFor(WireMock.get(PATH).willReturn(WireMock.ok(jwkSetJson)
            .withHeader("Content-Type", "application/jwk-set+json")));
    }

    String uri() {
        return server.baseUrl() + PATH;
    }

    /** How many times the key set was fetched. */
    int fetches() {
        return server.findAll(WireMock.getRequestedFor(WireMock.urlEqualTo(PATH))).size();
    }
}
