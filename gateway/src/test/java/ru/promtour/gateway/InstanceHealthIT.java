package ru.promtour.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health-checked instance lists (issue 20, {@code platform.services.health-checks}): an instance whose
 * {@code /readyz} answers 503 gets no calls, GET or POST, until it answers 200 again; when every instance answers
 * 503 the calls still go to all of them rather than a 503 "no instances" from the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
                "platform.services.health-checks=true",
                // 5 s in application.yml; shorter here so that the test waits less
                "spring.cloud.loadbalancer.health-check.interval=1s"})
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class InstanceHealthIT {

    @RegisterExtension
    static WireMockExtension bookingA = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension bookingB = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.services.booking", () -> bookingA.baseUrl() + "," + bookingB.baseUrl());
    }

    @Autowired
    WebTestClient client;

    static String operatorKey;

    @BeforeEach
    void bothInstancesReady() {
        bookingA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("A")));
        bookingB.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("B")));
        ready(bookingA, true);
        ready(bookingB, true);
        if (operatorKey == null) {
            operatorKey = GatewayTestSupport.operatorKey(client);
        }
        // whatever an earlier test left the lists at: both instances back in before each test
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(answeringInstances(6)).contains("A", "B"));
    }

    @Test
    void anInstanceThatIsNotReadyGetsNoCallsUntilItIsReadyAgain() {
        ready(bookingB, false);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(answeringInstances(6)).containsOnly("A"));
        // and it stays so, for GETs and POSTs alike, while B keeps answering 503
        bookingB.resetRequests();
        assertThat(answeringInstances(10)).containsOnly("A");
        assertThat(bookingB.findAll(postRequestedFor(anyUrl()))).isEmpty();
        assertThat(bookingB.findAll(getRequestedFor(anyUrl())))
            .allSatisfy(request -> assertThat(request.getUrl()).isEqualTo("/readyz"));

        ready(bookingB, true);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(answeringInstances(6)).contains("A", "B"));
    }

    @Test
    void whenNoInstanceIsReadyCallsStillGoToTheListedInstances() {
        ready(bookingA, false);
        ready(bookingB, false);
        bookingA.resetRequests();
        bookingB.resetRequests();
        // two rounds of checks after the change: the lists have seen both instances answer 503
        await().atMost(Duration.ofSeconds(15)).until(() ->
            bookingA.findAll(getRequestedFor(urlEqualTo("/readyz"))).size() >= 2
                && bookingB.findAll(getRequestedFor(urlEqualTo("/readyz"))).size() >= 2);

        // no 503 "no instances": the calls are sent, over both instances
        assertThat(answeringInstances(6)).contains("A", "B");
    }

    /** Sends GETs and POSTs in turn and returns which instance answered each (every call must succeed). */
    private List<String> answeringInstances(int calls) {
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            WebTestClient.RequestHeadersSpec<?> request = i % 2 == 0
                ? client.get().uri("/octo/bookings/b-" + i)
                : client.post().uri("/octo/bookings").header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}");
            answered.add(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        }
        return answered;
    }

    private static void ready(WireMockExtension instance, boolean ready) {
        instance.stubFor(get(urlEqualTo("/readyz")).atPriority(1)
            .willReturn(aResponse().withStatus(ready ? 200 : 503).withBody(ready ? "ready" : "not ready")));
    }

}
