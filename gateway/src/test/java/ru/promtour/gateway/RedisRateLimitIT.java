package ru.promtour.gateway;

import java.io.IOException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker profile's rate limiter: token buckets in a real Redis (a redis-server binary started by the
 * test), shared by every gateway instance, with the same 429 + Retry-After as the in-memory one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    "platform.rate-limits.routes.booking-api.replenish-rate=1",
    "platform.rate-limits.routes.booking-api.burst-capacity=2",
})
@ActiveProfiles("docker")
@AutoConfigureWebTestClient
@ImportTestInfrastructure(kafka = false)
class RedisRateLimitIT {

    static final int redisPort = GatewayTestSupport.freePort();
    static final RedisServer redis = startRedis();

    @RegisterExtension
    static WireMockExtension services = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redisPort);
        registry.add("platform.services.catalog", services::baseUrl);
        registry.add("platform.services.booking", services::baseUrl);
        registry.add("platform.services.notification", services::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @BeforeEach
    void stub() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[]")));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @Test
    void aBurstOverTheLimitGets429WithRetryAfterAndTheBucketsLiveInRedis() {
        String greedy = GatewayTestSupport.enterpriseKey(client, "ent-redis-greedy");
        String other = GatewayTestSupport.enterpriseKey(client, "ent-redis-patient");
        EntityExchangeResult<String> refused = GatewayTestSupport.firstRefusal(client, greedy, "/api/v1/bookings");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Burst-Capacity")).as("Redis limiter headers").isEqualTo("2");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("\"status\":429");
        bookings(other).expectStatus().isOk();

        assertThat(redisTemplate.keys("request_rate_limiter.*").collectList().block())
            .as("token buckets are kept in Redis, where every gateway instance sees them")
            .isNotEmpty();
    }

    @Test
    void failedAuthenticationsAreCountedInRedisToo() {
        RawHttp.Response refused = null;
        for (int guess = 0; guess < 80 && refused == null; guess++) {
            RawHttp.Response answer = RawHttp.get("127.0.0.4", port, "/api/v1/bookings", "Bearer ptk_guess-" + guess);
            if (answer.status() == 429) {
                refused = answer;
            }
            else {
                assertThat(answer.status()).isEqualTo(401);
            }
        }
        assertThat(refused).as("80 failed authentications in a row were never refused").isNotNull();
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.body()).contains("\"status\":429");
    }

    private WebTestClient.ResponseSpec bookings(String key) {
        return client.get().uri("/api/v1/bookings").header("Authorization", "Bearer " + key).exchange();
    }

    private static RedisServer startRedis() {
        try {
            RedisServer server = new RedisServer(redisPort);
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start redis-server for the test", ex);
        }
    }
}
