package ru.promtour.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** Issues tenants and keys through the real admin API, as an operator of the platform would. */
final class GatewayTestSupport {

    static final String ADMIN_KEY = "test-admin-key-0123456789";

    private GatewayTestSupport() {
    }

    @SuppressWarnings("unchecked")
    static String createOperator(WebTestClient client, String name) {
        Map<String, Object> body = client.post().uri("/admin/operators")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
            .bodyValue(Map.of("name", name, "email", "ops@" + name.toLowerCase().replace(' ', '-') + ".ru", "phone", "+79161234567"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> issueKey(WebTestClient client, String tenantType, String tenantId) {
        return client.post().uri("/admin/api-keys")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
            .bodyValue(Map.of("tenantType", tenantType, "tenantId", tenantId, "label", "test " + tenantType))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    static String operatorKey(WebTestClient client) {
        return (String) issueKey(client, "OPERATOR", createOperator(client, "Kaluga Tours")).get("apiKey");
    }

    /**
     * Sends a quick burst of GETs with one key and returns the first refusal (429). Bursting rather than
     * counting exactly keeps the test independent of how fast this machine sends: tokens refill with time.
     */
    static EntityExchangeResult<String> firstRefusal(WebTestClient client, String key, String path) {
        return firstRefusal(attempt -> client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    }

    /**
     * Sends a quick burst of anonymous GETs, the n-th with {@code X-Forwarded-For: forwardedFor(n)}, and returns
     * the first refusal (429): the per-address limit of a public route.
     */
    static EntityExchangeResult<String> firstAnonymousRefusal(WebTestClient client, String path, IntFunction<String> forwardedFor) {
        return firstRefusal(attempt -> client.get().uri(path).header("X-Forwarded-For", forwardedFor.apply(attempt)));
    }

    private static EntityExchangeResult<String> firstRefusal(IntFunction<WebTestClient.RequestHeadersSpec<?>> request) {
        for (int attempt = 0; attempt < 20; attempt++) {
            EntityExchangeResult<String> result = request.apply(attempt).exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() == 429) {
                return result;
            }
            assertThat(result.getStatus().value()).as("before the limit is reached").isEqualTo(200);
        }
        throw new AssertionError("20 requests in a burst were never refused with 429");
    }

    /** A port nothing listens on (yet): a service that is down. */
    /** A WireMock server standing in for a service (or one instance of it), on a port of its own. */
    static WireMockExtension backend() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String enterpriseKey(WebTestClient client, String enterpriseId) {
        return (String) issueKey(client, "ENTERPRISE", enterpriseId).get("apiKey");
    }
}
