package ru.promtour.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default, no trusted proxies: the gateway is the edge, and no {@code X-Forwarded-*} a client sends changes the
 * address it is counted by or what the services are told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    "platform.rate-limits.routes.catalog-public.replenish-rate=1",
    "platform.rate-limits.routes.catalog-public.burst-capacity=3",
})
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class EdgeWithoutProxyIT {

    @RegisterExtension
    static WireMockExtension services = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

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
        GatewayTestSupport.firstAnonymousRefusal(client, "/api/v1/catalog/excursions", attempt -> "203.0.113." + (attempt + 9));
    }

    @Test
    void forwardedHeadersAClientSendsAreReplacedByTheGatewaysOwn() {
        // the web route: its own bucket, untouched by the burst above
        client.get().uri("/guide?case=spoof")
            .header("X-Forwarded-For", "203.0.113.9")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "evil.example")
            .exchange().expectStatus().isOk();

        LoggedRequest received = services.findAll(getRequestedFor(urlEqualTo("/guide?case=spoof"))).get(0);
        assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);
    }
}
