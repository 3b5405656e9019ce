package ru.promtour.gateway;

import java.time.Duration;
import java.util.UUID;

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
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances of a service behind the gateway (issue 20): a service's URL setting is a comma-separated list,
 * the routes and the gateway's own calls spread over it, and a GET still succeeds while one instance is down; so
 * does a POST that could not connect (and only such a POST is sent again). Health checks are off here (the default):
 * {@link InstanceHealthIT} has them on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY)
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class InstanceBalancingIT {

    /** booking-service runs twice, both up. */
    @RegisterExtension
    static WireMockExtension bookingOne = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension bookingTwo = GatewayTestSupport.backend();

    /** catalog-service and notification-service run twice, one instance of each down (nothing on its port). */
    @RegisterExtension
    static WireMockExtension catalogUp = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension notificationUp = GatewayTestSupport.backend();

    static final int deadPort = GatewayTestSupport.freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // spaces after the commas as an operator might type them; the down instance first
        registry.add("platform.services.booking", () -> bookingOne.baseUrl() + ", " + bookingTwo.baseUrl());
        registry.add("platform.services.catalog", () -> "http://127.0.0.1:" + deadPort + "," + catalogUp.baseUrl());
        registry.add("platform.services.notification", () -> "http://127.0.0.1:" + deadPort + ", " + notificationUp.baseUrl());
    }

    @Autowired
    WebTestClient client;

    static String operatorKey;

    @BeforeEach
    void stubBackends() {
        bookingOne.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("booking one")));
        bookingTwo.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("booking two")));
        catalogUp.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("catalog")));
        if (operatorKey == null) {
            operatorKey = GatewayTestSupport.operatorKey(client);
        }
    }

    @Test
    void requestsToOneServiceAreSpreadOverBothItsInstances() {
        bookingOne.resetRequests();
        bookingTwo.resetRequests();
        for (int i = 0; i < 10; i++) {
            client.get().uri("/octo/bookings/b-" + i).header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey).exchange()
                .expectStatus().isOk();
        }
        for (int i = 0; i < 10; i++) {
            client.post().uri("/octo/bookings").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey)
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}").exchange()
                .expectStatus().isOk();
        }

        // round robin: one after the other, each instance gets every other request
        int one = bookingOne.findAll(anyRequestedFor(anyUrl())).size();
        int two = bookingTwo.findAll(anyRequestedFor(anyUrl())).size();
        assertThat(one + two).isEqualTo(20);
        assertThat(one).as("requests on instance one").isEqualTo(10);
        assertThat(two).as("requests on instance two").isEqualTo(10);
        assertThat(bookingOne.findAll(postRequestedFor(urlEqualTo("/octo/bookings")))).isNotEmpty();
        assertThat(bookingTwo.findAll(postRequestedFor(urlEqualTo("/octo/bookings")))).isNotEmpty();
    }

    @Test
    void getsStillSucceedWhileOneInstanceIsDown() {
        catalogUp.resetRequests();
        String enterpriseKey = GatewayTestSupport.enterpriseKey(client, "ent-balancing");
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/v1/slots/s-" + i).header(HttpHeaders.AUTHORIZATION, "Bearer " + enterpriseKey).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("catalog");
        }
        // the connection refused by the down instance was retried on the other one, every time
        assertThat(catalogUp.findAll(getRequestedFor(urlPathEqualTo("/api/v1/slots/s-9")))).hasSize(1);
        // and the breaker saw only successes: it stays closed for the next call
        client.get().uri("/api/v1/slots/s-10").header(HttpHeaders.AUTHORIZATION, "Bearer " + enterpriseKey).exchange()
            .expectStatus().isOk();
    }

    @Test
    void theGatewaysOwnCallsReachAnInstanceThatIsUp() {
        // issuing an ENTERPRISE key asks catalog-service whether the enterprise exists: each call finds the live one
        for (int i = 0; i < 4; i++) {
            GatewayTestSupport.enterpriseKey(client, "ent-own-call-" + i);
        }
        catalogUp.verify(4, getRequestedFor(urlPathMatching("/api/v1/enterprises/ent-own-call-[0-3]")));

        // the booking story asks both services: booking on either instance, notification on the live one
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            notificationUp.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"bookingId\":\"" + id + "\",\"events\":[]}")));
            for (WireMockExtension booking : new WireMockExtension[] {bookingOne, bookingTwo}) {
                booking.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"bookingId\":\"" + id + "\",\"status\":\"CONFIRMED\",\"events\":[]}")));
            }
            client.get().uri("/admin/bookings/{id}/story", id).header(HttpHeaders.AUTHORIZATION, "Bearer " + GatewayTestSupport.ADMIN_KEY)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bookingId").isEqualTo(id).jsonPath("$.partial").doesNotExist();
        }
    }

    @Test
    void aPostThatCouldNotConnectIsSentOnceToTheInstanceThatIsUpWithItsBody() {
        notificationUp.stubFor(post(urlPathMatching("/api/v1/notifications/preferences-[0-9]"))
            .willReturn(aResponse().withStatus(201).withBody("saved")));
        // round robin starts anywhere: of four POSTs over a down and an up instance, some try the down one first
        for (int i = 0; i < 4; i++) {
            client.post().uri("/api/v1/notifications/preferences-" + i).header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey)
                .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{\"post\":" + i + "}").exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).isEqualTo("saved");
        }
        for (int i = 0; i < 4; i++) {
            // the refused connection never reached a service: the retry is the only copy, and it carries the body
            notificationUp.verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications/preferences-" + i))
                .withRequestBody(equalTo("{\"post\":" + i + "}")));
        }
    }

    @Test
    void aPostAnsweredWithAServerErrorIsNotSentAgain() {
        for (WireMockExtension booking : new WireMockExtension[] {bookingOne, bookingTwo}) {
            booking.stubFor(post(urlEqualTo("/octo/bookings/failing/confirm")).willReturn(aResponse().withStatus(500)));
        }
        client.post().uri("/octo/bookings/failing/confirm").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey)
            .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}").exchange()
            .expectStatus().is5xxServerError();

        assertReceivedOnce("/octo/bookings/failing/confirm");
    }

    @Test
    void aPostThatTimesOutIsNotSentAgain() {
        // the booking route's response timeout is 4 s: the service may have confirmed by then
        for (WireMockExtension booking : new WireMockExtension[] {bookingOne, bookingTwo}) {
            booking.stubFor(post(urlEqualTo("/octo/bookings/slow/confirm"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        }
        client.post().uri("/octo/bookings/slow/confirm").header(HttpHeaders.AUTHORIZATION, "Bearer " + operatorKey)
            .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}").exchange()
            .expectStatus().is5xxServerError();

        assertReceivedOnce("/octo/bookings/slow/confirm");
    }

    /** Exactly one of the two booking instances got the POST, and no second copy follows within a second. */
    private static void assertReceivedOnce(String path) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(bookingOne.findAll(postRequestedFor(urlEqualTo(path))).size()
                + bookingTwo.findAll(postRequestedFor(urlEqualTo(path))).size())
                .as("copies of " + path + " received").isEqualTo(1));
    }

}
