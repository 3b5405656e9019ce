package ru.promtour.gateway;

import java.time.Duration;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    "platform.rate-limits.routes.booking-api.replenish-rate=1",
    "platform.rate-limits.routes.booking-api.burst-capacity=2",
    "platform.resilience.retry-after=1s",
    "resilience4j.circuitbreaker.instances.notification.sliding-window-size=2",
    "resilience4j.circuitbreaker.instances.notification.minimum-number-of-calls=2",
    "resilience4j.circuitbreaker.instances.notification.wait-duration-in-open-state=1s",
})
@AutoConfigureWebTestClient
@ImportTestInfrastructure(kafka = false)
class EdgeResilienceIT {

    @RegisterExtension
    static WireMockExtension catalog = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension booking = GatewayTestSupport.backend();

    /** Started and stopped by the tests, to play a service that goes down and comes back. */
    static final int notificationPort = GatewayTestSupport.freePort();
    WireMockServer notification;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", catalog::baseUrl);
        registry.add("platform.services.booking", booking::baseUrl);
        registry.add("platform.services.notification", () -> "http://127.0.0.1:" + notificationPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void stubs() {
        catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        booking.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @AfterEach
    void stopNotification() {
        if (notification != null) {
            notification.stop();
        }
    }

    @Test
    void aBurstOverTheLimitGets429WithRetryAfterWhileOtherKeysAreUnaffected() {
        String greedy = GatewayTestSupport.enterpriseKey(client, "ent-greedy");
        String other = GatewayTestSupport.enterpriseKey(client, "ent-patient");
        EntityExchangeResult<String> refused = GatewayTestSupport.firstRefusal(client, greedy, "/api/v1/bookings");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"status\":429").contains("Retry-After");
        bookings(other).expectStatus().isOk();
    }

    @Test
    void aBodyOverTheLimitIs413AndNeverReachesTheService() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-big");
        assertTooLargeProblem(postJson("/api/v1/excursions", key, bytes(300 * 1024)), "/api/v1/excursions");
    }

    /** The review's finding: only Content-Length was judged, so a chunked body of any size went through. */
    @Test
    void aChunkedBodyOverTheLimitIs413AndNothingOfItReachesTheService() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-chunked");
        assertTooLargeProblem(postJson("/api/v1/excursions/chunked-too-big", key, chunked(40, 8 * 1024)),
                "/api/v1/excursions/chunked-too-big");
    }

    @Test
    void onOctoABodyOverTheLimitIsAn413InTheOctoShapeChunkedOrNot() {
        String key = GatewayTestSupport.operatorKey(client);
        // 5 MB declared: refused from the headers alone (the body is never sent, nor read)
        RawHttp.Response declared = RawHttp.send("127.0.0.1", port, "POST /octo/bookings/too-big HTTP/1.1\r\n"
                + "Authorization: Bearer " + key + "\r\nContent-Type: application/json\r\nContent-Length: " + 5 * 1024 * 1024,
                new byte[0]);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/json");
        assertThat(declared.body()).contains("\"error\":\"BAD_REQUEST\"").contains("256 KB").doesNotContain("INTERNAL_SERVER_ERROR");

        postJson("/octo/bookings/too-big", key, chunked(40, 8 * 1024))
            .expectStatus().isEqualTo(413)
            .expectBody()
            .jsonPath("$.error").isEqualTo("BAD_REQUEST")
            .jsonPath("$.errorMessage").value(message -> assertThat((String) message).contains("256 KB"));
        assertThat(booking.findAll(postRequestedFor(urlEqualTo("/octo/bookings/too-big")))).isEmpty();
    }

    /** The fuzzer's finding: Netty refused a long request line itself, with an empty 414. */
    @Test
    void aUriOverTheLimitIs414InTheCallersShapeAndNeverReachesTheService() {
        String query = "?q=" + "q".repeat(5000);
        client.get().uri("/api/v1/excursions" + query).header("Authorization", "Bearer " + GatewayTestSupport.enterpriseKey(client, "ent-long"))
            .exchange()
            .expectStatus().isEqualTo(414)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(414)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("4096 bytes"));
        client.get().uri("/octo/products" + query).header("Authorization", "Bearer " + GatewayTestSupport.operatorKey(client))
            .exchange()
            .expectStatus().isEqualTo(414)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody().jsonPath("$.error").isEqualTo("BAD_REQUEST");
        assertThat(catalog.findAll(getRequestedFor(urlPathEqualTo("/api/v1/excursions")))).isEmpty();
        assertThat(catalog.findAll(getRequestedFor(urlPathEqualTo("/octo/products")))).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWholeWithItsLength() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-small-chunks");
        postJson("/api/v1/excursions/small-chunks", key, chunked(31, 8 * 1024)).expectStatus().isOk();
        assertThat(catalog.findAll(postRequestedFor(urlEqualTo("/api/v1/excursions/small-chunks")))).singleElement().satisfies(request -> {
            assertThat(request.getBody()).hasSize(31 * 8 * 1024).containsOnly((byte) 'a');
            assertThat(request.getHeader("Content-Length")).isEqualTo(Integer.toString(31 * 8 * 1024));
        });
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-at-the-limit");
        postJson("/api/v1/excursions/at-the-limit", key, bytes(256 * 1024)).expectStatus().isOk();
        postJson("/api/v1/excursions/at-the-limit", key, chunked(32, 8 * 1024)).expectStatus().isOk();
        assertThat(catalog.findAll(postRequestedFor(urlEqualTo("/api/v1/excursions/at-the-limit")))).hasSize(2);
    }

    /** A JSON POST: a byte[] goes with its Content-Length, a Flux of pieces chunked. */
    @SuppressWarnings("unchecked")
    private WebTestClient.ResponseSpec postJson(String path, String key, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).header("Authorization", "Bearer " + key)
            .contentType(MediaType.APPLICATION_JSON);
        return (body instanceof byte[] bytes ? request.bodyValue(bytes) : request.body((Flux<DataBuffer>) body, DataBuffer.class))
            .exchange();
    }

    /** 413 problem+json naming the limit, and the catalog never saw the request. */
    private void assertTooLargeProblem(WebTestClient.ResponseSpec response, String path) {
        response.expectStatus().isEqualTo(413)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(413)
            .jsonPath("$.title").isNotEmpty()
            .jsonPath("$.instance").isEqualTo(path)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("256 KB"));
        assertThat(catalog.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

    /** A body sent in {@code count} pieces without a Content-Length: chunked transfer encoding. */
    private static Flux<DataBuffer> chunked(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(size)));
    }

    @Test
    void aServiceThatIsDownGetsAFast503AndTrafficResumesWhenItIsBack() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-notified");
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            notifications(key).expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.instance").isEqualTo("/api/v1/notifications");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(breakers.circuitBreaker("notification").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        notification = new WireMockServer(wireMockConfig().port(notificationPort));
        notification.start();
        notification.stubFor(get(urlPathEqualTo("/api/v1/notifications")).willReturn(aResponse().withStatus(200).withBody("[]")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> notifications(key).expectStatus().isOk());
    }

    @Test
    void aFailingOctoCallFallsBackToTheOctoErrorShape() {
        booking.stubFor(post(urlEqualTo("/octo/bookings")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        client.post().uri("/octo/bookings").header("Authorization", "Bearer " + GatewayTestSupport.operatorKey(client))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().exists("Retry-After")
            .expectBody()
            .jsonPath("$.error").isEqualTo("INTERNAL_SERVER_ERROR")
            .jsonPath("$.errorMessage").value(message -> assertThat((String) message).contains("booking"));
    }

    @Test
    void onlyIdempotentGetsAreRetried() {
        String key = GatewayTestSupport.enterpriseKey(client, "ent-retry");
        booking.stubFor(get(urlEqualTo("/api/v1/bookings/b-flaky")).willReturn(aResponse().withStatus(503)));
        booking.stubFor(post(urlEqualTo("/api/v1/bookings/b-flaky/approve")).willReturn(aResponse().withStatus(503)));

        client.get().uri("/api/v1/bookings/b-flaky").header("Authorization", "Bearer " + key).exchange();
        client.post().uri("/api/v1/bookings/b-flaky/approve").header("Authorization", "Bearer " + key).exchange();

        assertThat(booking.findAll(getRequestedFor(urlEqualTo("/api/v1/bookings/b-flaky")))).hasSize(3);
        assertThat(booking.findAll(postRequestedFor(urlEqualTo("/api/v1/bookings/b-flaky/approve")))).hasSize(1);
    }

    @Test
    void octoHeadersPassThroughBothWays() {
        catalog.stubFor(get(urlEqualTo("/octo/products")).willReturn(aResponse().withStatus(200)
            .withHeader("Octo-Capabilities", "octo/content").withHeader("Content-Language", "ru").withBody("[]")));
        client.get().uri("/octo/products").header("Authorization", "Bearer " + GatewayTestSupport.operatorKey(client))
            .header("Octo-Capabilities", "octo/content").header("Accept-Language", "ru")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Octo-Capabilities", "octo/content")
            .expectHeader().valueEquals("Content-Language", "ru");
        assertThat(catalog.findAll(getRequestedFor(urlEqualTo("/octo/products")))).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Octo-Capabilities")).isEqualTo("octo/content");
            assertThat(request.getHeader("Accept-Language")).isEqualTo("ru");
        });
    }

    private WebTestClient.ResponseSpec bookings(String key) {
        return client.get().uri("/api/v1/bookings").header("Authorization", "Bearer " + key).exchange();
    }

    private WebTestClient.ResponseSpec notifications(String key) {
        return client.get().uri("/api/v1/notifications").header("Authorization", "Bearer " + key).exchange();
    }

}
