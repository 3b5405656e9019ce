package ru.promtour.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a request came from (issue 20). By default the gateway is the edge, and no {@code X-Forwarded-*} a client sends
 * changes the address it is counted by or what the services are told. {@link BehindATrustedProxy}: the test client
 * connects from 127.0.0.1, which is trusted there, so it plays the load balancer and the {@code X-Forwarded-For} it
 * sends names the client that is counted and reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    // small anonymous buckets, so that one client exhausts its own within a quick burst
    "platform.rate-limits.routes.catalog-public.replenish-rate=1",
    "platform.rate-limits.routes.catalog-public.burst-capacity=3",
    "platform.rate-limits.routes.failed-authentications.replenish-rate=1",
    "platform.rate-limits.routes.failed-authentications.burst-capacity=3",
})
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class ClientAddressIT {

    private static final String PUBLIC_PATH = "/api/v1/catalog/excursions";

    @RegisterExtension
    static WireMockExtension services = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void allServicesOnOneStub(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", services::baseUrl);
        registry.add("platform.services.booking", services::baseUrl);
        registry.add("platform.services.notification", services::baseUrl);
        registry.add("platform.services.web", services::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @BeforeEach
    void stub() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void aClientChangingItsForwardedForIsStillCountedByItsPeerAddress() {
        GatewayTestSupport.firstAnonymousRefusal(client, PUBLIC_PATH, attempt -> "203.0.113." + (attempt + 9));
    }

    @Test
    void forwardedHeadersAClientSendsAreReplacedByTheGatewaysOwn() {
        // the web route: its own bucket, untouched by the burst above
        client.get().uri("/guide?case=spoof")
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "evil.example")
            .header("Forwarded", "for=203.0.113.9;proto=https;host=evil.example")
            .exchange().expectStatus().isOk();

        assertForwarded("/guide?case=spoof", "127.0.0.1", "http", "localhost:" + port);
    }

    void assertForwarded(String url, String forwardedFor, String proto, String host) {
        LoggedRequest received = services.findAll(getRequestedFor(urlEqualTo(url))).stream().findFirst()
            .orElseThrow(() -> new AssertionError("the service never received " + url));
        assertThat(received.getHeader("X-Forwarded-For")).as("X-Forwarded-For").isEqualTo(forwardedFor);
        assertThat(received.getHeader("X-Forwarded-Proto")).as("X-Forwarded-Proto").isEqualTo(proto);
        assertThat(received.getHeader("X-Forwarded-Host")).as("X-Forwarded-Host").isEqualTo(host);
        // the web module would prefer an RFC 7239 Forwarded header to these: none ever passes
        assertThat(received.containsHeader("Forwarded")).as("Forwarded").isFalse();
    }

    /** A gateway of its own (another context) that trusts the test client's address as its load balancer. */
    @Nested
    @TestPropertySource(properties = "platform.edge.trusted-proxies=127.0.0.1/32")
    class BehindATrustedProxy {

        @Test
        void twoClientsBehindTheProxyHaveSeparateAnonymousBuckets() {
            assertThat(GatewayTestSupport.firstAnonymousRefusal(client, PUBLIC_PATH, attempt -> "198.51.100.1")
                .getResponseHeaders().getFirst("Retry-After")).isNotBlank();

            client.get().uri(PUBLIC_PATH).header("X-Forwarded-For", "198.51.100.2").exchange().expectStatus().isOk();
            client.get().uri(PUBLIC_PATH).header("X-Forwarded-For", "198.51.100.1").exchange().expectStatus().isEqualTo(429);
        }

        @Test
        void aClientBlockedForFailedAuthenticationsDoesNotBlockAnotherBehindTheSameProxy() {
            int refusedAfter = 0;
            while (refusedAfter < 20 && unknownKeyFrom("198.51.100.30") == 401) {
                refusedAfter++;
            }
            assertThat(refusedAfter).as("failures before the block").isLessThan(20);
            assertThat(unknownKeyFrom("198.51.100.30")).isEqualTo(429);
            assertThat(unknownKeyFrom("198.51.100.31")).as("another client").isEqualTo(401);
        }

        @Test
        void theServiceSeesTheClientAddressAndTheSchemeAndHostTheProxyReports() {
            client.get().uri(PUBLIC_PATH + "?case=proto")
                .header("X-Forwarded-For", "198.51.100.20")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "booking.promtour.example")
                .exchange().expectStatus().isOk();

            assertForwarded(PUBLIC_PATH + "?case=proto", "198.51.100.20", "https", "booking.promtour.example");
        }

        @Test
        void withoutForwardedSchemeOrHostTheGatewaysOwnArePassedOn() {
            client.get().uri(PUBLIC_PATH + "?case=own").header("X-Forwarded-For", "198.51.100.21").exchange().expectStatus().isOk();

            assertForwarded(PUBLIC_PATH + "?case=own", "198.51.100.21", "http", "localhost:" + port);
        }

        @Test
        void theRightMostUntrustedHopIsTheClient() {
            client.get().uri(PUBLIC_PATH + "?case=chain")
                .header("X-Forwarded-For", "203.0.113.66, 198.51.100.7, 127.0.0.1")
                .exchange().expectStatus().isOk();

            assertForwarded(PUBLIC_PATH + "?case=chain", "198.51.100.7", "http", "localhost:" + port);
        }

        @Test
        void garbageHeadersFallBackToThePeerAndTheGatewaysOwnSchemeAndHost() {
            client.get().uri(PUBLIC_PATH + "?case=garbage")
                .header("X-Forwarded-For", "<script>, also not an address")
                .header("X-Forwarded-Proto", "javascript")
                .header("X-Forwarded-Host", "evil.example/path?x=1")
                .header("Forwarded", "for=203.0.113.9;proto=https;host=evil.example")
                .exchange().expectStatus().isOk();

            assertForwarded(PUBLIC_PATH + "?case=garbage", "127.0.0.1", "http", "localhost:" + port);
        }

        private int unknownKeyFrom(String address) {
            return client.get().uri("/api/v1/excursions").header("Authorization", "Bearer ptk_not-a-real-key")
                .header("X-Forwarded-For", address).exchange().returnResult(String.class).getStatus().value();
        }
    }
}
