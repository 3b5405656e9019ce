package ru.promtour.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the booking breaker counts, and admission past the bulkhead, with the production breaker settings
 * (window 20, at least 10 calls, 50 %); only the booking bulkhead is made small enough to fill in a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    "platform.rate-limits.defaults.replenish-rate=100000",
    "platform.rate-limits.defaults.burst-capacity=100000",
    "platform.rate-limits.routes.booking-octo.replenish-rate=100000",
    "platform.rate-limits.routes.booking-octo.burst-capacity=100000",
    "resilience4j.bulkhead.instances.booking.max-concurrent-calls=2",
})
@AutoConfigureWebTestClient
@ImportTestInfrastructure(kafka = false)
class BreakerAndAdmissionIT {

    private static final String SOLD_OUT =
            "{\"error\":\"UNPROCESSABLE_ENTITY\",\"errorMessage\":\"Only 0 seats are left on this slot\"}";

    @RegisterExtension
    static WireMockExtension booking = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", booking::baseUrl);
        registry.add("platform.services.booking", booking::baseUrl);
        registry.add("platform.services.notification", booking::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    BulkheadRegistry bulkheads;

    String operatorKey;

    /** Slow calls a test keeps in flight; they end before the next test, which needs the bulkhead free. */
    final List<CompletableFuture<ResponseEntity<Void>>> inFlight = new ArrayList<>();

    @AfterEach
    void letTheSlowCallsEnd() {
        inFlight.forEach(call -> call.handle((response, error) -> null).join());
    }

    @BeforeEach
    void closedBreakerAndAnOperator() {
        booking.resetAll();
        breakers.circuitBreaker("booking").reset();
        operatorKey = GatewayTestSupport.operatorKey(client);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 409, 422})
    void aRaceThatEndsInSoldOutAnswersLeavesTheBreakerClosed(int status) {
        booking.stubFor(post(urlEqualTo("/octo/bookings")).willReturn(aResponse().withStatus(status)
            .withHeader("Content-Type", "application/json").withBody(SOLD_OUT)));

        for (int i = 0; i < 60; i++) {
            reserve().expectStatus().isEqualTo(status)
                .expectBody().json(SOLD_OUT);
        }

        CircuitBreaker breaker = breakers.circuitBreaker("booking");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).as("the window of 20 is full of successes").isEqualTo(20);
    }

    @Test
    void serviceFailuresOpenTheBreakerAndAreAnsweredWithTheOctoFallback() {
        booking.stubFor(post(urlEqualTo("/octo/bookings")).willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json").withBody("{\"error\":\"INTERNAL_SERVER_ERROR\"}")));

        for (int i = 0; i < 10; i++) {
            reserve().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectBody().jsonPath("$.error").isEqualTo("INTERNAL_SERVER_ERROR");
        }

        assertThat(breakers.circuitBreaker("booking").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        reserve().expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "10");
        assertThat(booking.findAll(postRequestedFor(urlEqualTo("/octo/bookings")))).as("an open breaker sends nothing").hasSize(10);
    }

    @Test
    void aServicesOwn503PassesThroughWithItsRetryAfterAndIsNotAFailure() {
        booking.stubFor(post(urlEqualTo("/octo/bookings")).willReturn(aResponse().withStatus(503)
            .withHeader("Retry-After", "2").withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"INTERNAL_SERVER_ERROR\",\"errorMessage\":\"busy\"}")));

        for (int i = 0; i < 20; i++) {
            reserve().expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "2")
                .expectBody().jsonPath("$.errorMessage").isEqualTo("busy");
        }

        assertThat(breakers.circuitBreaker("booking").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker("booking").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void pastTheBulkheadACallIsShedAtOnceWithRetryAfterAndTheBreakerStaysClosed() {
        booking.stubFor(post(urlEqualTo("/octo/bookings")).withHeader("X-Test", equalTo("slow"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
        WebClient web = WebClient.create("http://localhost:" + port);
        IntStream.range(0, 2).forEach(i -> inFlight.add(web.post().uri("/octo/bookings")
            .header("Authorization", "Bearer " + operatorKey).header("X-Test", "slow")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .retrieve().toBodilessEntity().toFuture()));
        Bulkhead bulkhead = bulkheads.bulkhead("booking");
        await().untilAsserted(() -> assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero());

        client.post().uri("/octo/bookings").header("Authorization", "Bearer " + operatorKey).header("X-Test", "shed")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().valueEquals("Retry-After", "1")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.error").isEqualTo("TOO_MANY_REQUESTS")
            .jsonPath("$.errorMessage").value(message -> assertThat((String) message).contains("booking"));

        assertThat(breakers.circuitBreaker("booking").getMetrics().getNumberOfFailedCalls()).isZero();
        letTheSlowCallsEnd();
        assertThat(booking.findAll(postRequestedFor(urlEqualTo("/octo/bookings")).withHeader("X-Test", equalTo("shed")))).isEmpty();
        assertThat(breakers.circuitBreaker("booking").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void elsewhereAShedCallIsAProblemWithRetryAfter() {
        booking.stubFor(any(anyUrl()).withHeader("X-Test", equalTo("slow"))
            .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
        // this stub plays the catalog too, which the gateway asks whether the enterprise exists before keying it
        booking.stubFor(get(urlEqualTo("/api/v1/enterprises/ent-busy")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String enterpriseKey = GatewayTestSupport.enterpriseKey(client, "ent-busy");
        WebClient web = WebClient.create("http://localhost:" + port);
        IntStream.range(0, 2).forEach(i -> inFlight.add(web.get().uri("/api/v1/bookings")
            .header("Authorization", "Bearer " + enterpriseKey).header("X-Test", "slow")
            .retrieve().toBodilessEntity().toFuture()));
        await().untilAsserted(() -> assertThat(bulkheads.bulkhead("booking").getMetrics().getAvailableConcurrentCalls()).isZero());

        client.get().uri("/api/v1/bookings").header("Authorization", "Bearer " + enterpriseKey)
            .exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().valueEquals("Retry-After", "1")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.instance").isEqualTo("/api/v1/bookings");
    }

    private WebTestClient.ResponseSpec reserve() {
        return client.post().uri("/octo/bookings").header("Authorization", "Bearer " + operatorKey)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"productId\":\"p-1\",\"unitItems\":[{\"unitId\":\"adult\"}]}")
            .exchange();
    }
}
