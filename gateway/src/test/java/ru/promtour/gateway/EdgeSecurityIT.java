package ru.promtour.gateway;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import ru.promtour.gateway.apikey.ApiKey;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY,
    // short, so that a key revoked behind this instance's back is refused within the test's patience
    "platform.security.api-key-cache.ttl=300ms",
})
// 30 s, not the default 5: the first calls of a class meet a cold JVM, on a busy 2-core machine too
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureTracing
class EdgeSecurityIT {

    @RegisterExtension
    static WireMockExtension services = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void allServicesOnOneStub(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", services::baseUrl);
        registry.add("platform.services.booking", services::baseUrl);
        registry.add("platform.services.notification", services::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void stub() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void issuedKeyWorksIsNeverShownAgainAndStopsAtOnceWhenRevoked(CapturedOutput output) {
        Map<String, Object> issued = GatewayTestSupport.issueKey(client, "OPERATOR", GatewayTestSupport.createOperator(client, "Baikal Trips"));
        String secret = (String) issued.get("apiKey");
        assertThat(secret).startsWith("ptk_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(issued).containsKeys("id", "tenantType", "tenantId", "label", "createdAt");

        octoProducts(secret).expectStatus().isOk();

        String listing = client.get().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains((String) issued.get("id")).doesNotContain(secret).doesNotContain("keyHash");

        client.delete().uri("/admin/api-keys/{id}", issued.get("id")).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isNoContent();
        octoProducts(secret).expectStatus().isForbidden()
            .expectBody().jsonPath("$.error").isEqualTo("FORBIDDEN");

        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aKeyRevokedBehindThisInstancesBackIsRefusedWithinTheCacheTtl() {
        Map<String, Object> issued = GatewayTestSupport.issueKey(client, "ENTERPRISE", "ent-revoked-elsewhere");
        String secret = (String) issued.get("apiKey");
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + secret).exchange().expectStatus().isOk();

        // as another gateway instance revokes it: in the store, without this instance's cache knowing
        mongo.updateFirst(Query.query(Criteria.where("_id").is(issued.get("id"))),
                Update.update("revokedAt", Instant.now()), ApiKey.class).block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + secret).exchange()
                .expectStatus().isUnauthorized());
    }

    @Test
    void theSameKeyIsForwardedWithTheSameTokenAnotherKeyWithItsOwn() {
        String first = GatewayTestSupport.enterpriseKey(client, "ent-reuse");
        String second = GatewayTestSupport.enterpriseKey(client, "ent-reuse");
        for (String[] call : new String[][] {{first, "req-reuse-1"}, {first, "req-reuse-2"}, {second, "req-reuse-3"}}) {
            client.get().uri("/api/v1/enterprises/ent-reuse").header("Authorization", "Bearer " + call[0])
                .header("X-Request-Id", call[1]).exchange().expectStatus().isOk();
        }
        assertThat(forwardedToken("/api/v1/enterprises/ent-reuse", "req-reuse-2"))
            .isEqualTo(forwardedToken("/api/v1/enterprises/ent-reuse", "req-reuse-1"))
            .isNotEqualTo(forwardedToken("/api/v1/enterprises/ent-reuse", "req-reuse-3"));
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        client.delete().uri("/admin/api-keys/key-nope").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0} with key [{1}]")
    @CsvSource({
        "/api/v1/excursions, ''",
        "/api/v1/excursions, ptk_not-a-real-key",
        "/api/v1/excursions, Basic Zm9vOmJhcg==",
        "/admin/api-keys, ''",
        "/admin/api-keys, ptk_not-a-real-key",
    })
    void apiAndAdminRefuseAMissingOrUnknownKeyWith401Problem(String path, String key) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
        if (!key.isEmpty()) {
            request = request.header("Authorization", key.startsWith("Basic") ? key : "Bearer " + key);
        }
        request.exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo(path);
        assertThat(services.findAll(getRequestedFor(urlEqualTo(path)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'', 401, UNAUTHORIZED", "ptk_not-a-real-key, 403, FORBIDDEN"})
    void octoRefusesAMissingKeyAsUnauthorizedAndAnUnknownOneAsForbidden(String key, int status, String error) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/octo/products");
        if (!key.isEmpty()) {
            request = request.header("Authorization", "Bearer " + key);
        }
        request.exchange()
            .expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.error").isEqualTo(error)
            .jsonPath("$.errorMessage").isNotEmpty();
    }

    @Test
    void forwardsASignedInternalIdentityAndNeverTheKeyOrClientIdentityHeaders() throws Exception {
        Map<String, Object> issued = GatewayTestSupport.issueKey(client, "ENTERPRISE", "ent-shokoladnitsa");
        String secret = (String) issued.get("apiKey");
        client.get().uri("/api/v1/excursions?mine=true")
            .header("Authorization", "Bearer " + secret)
            .header("X-Tenant-Id", "someone-else")
            .header("X-Tenant-Type", "ADMIN")
            .header("X-Request-Id", "req-42")
            .exchange().expectStatus().isOk()
            .expectHeader().valueEquals("X-Request-Id", "req-42");

        LoggedRequest forwarded = services.findAll(getRequestedFor(urlEqualTo("/api/v1/excursions?mine=true"))).get(0);
        assertThat(forwarded.containsHeader("X-Tenant-Id")).isFalse();
        assertThat(forwarded.containsHeader("X-Tenant-Type")).isFalse();
        assertThat(forwarded.getHeader("X-Request-Id")).isEqualTo("req-42");
        assertThat(forwarded.getHeader("traceparent")).as("trace context propagated").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String authorization = forwarded.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(secret);

        SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        JWKSet keys = JWKSet.load(new URL("http://localhost:" + port + "/.well-known/jwks.json"));
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is in the published key set").isNotNull();
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("promtour-gateway");
        assertThat(claims.getAudience()).containsExactly("promtour-services");
        assertThat(claims.getSubject()).isEqualTo("ENTERPRISE:ent-shokoladnitsa");
        assertThat(claims.getStringClaim("tenant_type")).isEqualTo("ENTERPRISE");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("ent-shokoladnitsa");
        assertThat(claims.getStringClaim("key_id")).isEqualTo(issued.get("id"));
        assertThat(claims.getClaims()).as("a reused token names no single request: X-Request-Id does")
            .doesNotContainKey("request_id");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
    }

    @Test
    void anOperatorsTokenCarriesItsRegisteredNameAndEmailAnEnterprisesDoesNot() throws Exception {
        String operatorId = GatewayTestSupport.createOperator(client, "Baikal Tour");
        String operatorKey = (String) GatewayTestSupport.issueKey(client, "OPERATOR", operatorId).get("apiKey");
        client.get().uri("/octo/supplier").header("Authorization", "Bearer " + operatorKey)
            .header("X-Request-Id", "req-op-claims").exchange().expectStatus().isOk();
        JWTClaimsSet operator = forwardedClaims("/octo/supplier", "req-op-claims");
        assertThat(operator.getStringClaim("tenant_id")).isEqualTo(operatorId);
        assertThat(operator.getStringClaim("tenant_name")).isEqualTo("Baikal Tour");
        assertThat(operator.getStringClaim("tenant_email")).isEqualTo("ops@baikal-tour.ru");

        String enterpriseKey = (String) GatewayTestSupport.issueKey(client, "ENTERPRISE", "ent-claims").get("apiKey");
        client.get().uri("/api/v1/enterprises/ent-claims").header("Authorization", "Bearer " + enterpriseKey)
            .header("X-Request-Id", "req-ent-claims").exchange().expectStatus().isOk();
        JWTClaimsSet enterprise = forwardedClaims("/api/v1/enterprises/ent-claims", "req-ent-claims");
        assertThat(enterprise.getClaims()).doesNotContainKeys("tenant_name", "tenant_email");
    }

    private JWTClaimsSet forwardedClaims(String path, String requestId) throws Exception {
        return SignedJWT.parse(forwardedToken(path, requestId)).getJWTClaimsSet();
    }

    private String forwardedToken(String path, String requestId) {
        LoggedRequest forwarded = services.findAll(getRequestedFor(urlEqualTo(path))).stream()
            .filter(r -> requestId.equals(r.getHeader("X-Request-Id"))).findFirst().orElseThrow();
        return forwarded.getHeader("Authorization").substring(7);
    }

    /** An admin path a service answers (the webhook redelivery) is forwarded with the internal token, never the key. */
    @Test
    void theAdminsWebhookRedeliveryIsForwardedWithAnAdminToken() throws Exception {
        String path = "/admin/webhooks/deliveries/d-1/redeliver";
        client.post().uri(path).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .header("X-Request-Id", "req-redeliver").exchange().expectStatus().isOk();
        LoggedRequest forwarded = services.findAll(postRequestedFor(urlEqualTo(path))).stream()
            .filter(r -> "req-redeliver".equals(r.getHeader("X-Request-Id"))).findFirst().orElseThrow();
        String authorization = forwarded.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(GatewayTestSupport.ADMIN_KEY);
        assertThat(SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet().getStringClaim("tenant_type")).isEqualTo("ADMIN");
    }

    @Test
    void publicCatalogNeedsNoKeyAndNeverForwardsCredentials() {
        client.get().uri("/api/v1/catalog/excursions").header("Authorization", "Bearer whatever")
            .exchange().expectStatus().isOk();
        assertThat(services.findAll(getRequestedFor(urlEqualTo("/api/v1/catalog/excursions"))))
            .allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    }

    @Test
    void aRequestIdIsGeneratedWhenAbsentOrUnusable() {
        String generated = client.get().uri("/api/v1/catalog/x").header("X-Request-Id", "bad id with spaces")
            .exchange().expectStatus().isOk()
            .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");
    }

    /** Who may call what: every guarded route against every tenant type (docs/architecture.md). */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
        "GET,  /octo/supplier,              OPERATOR,   allowed",
        "GET,  /octo/products,              ENTERPRISE, denied",
        "GET,  /octo/products,              ADMIN,      denied",
        "POST, /octo/bookings,              OPERATOR,   allowed",
        "POST, /octo/bookings,              ENTERPRISE, denied",
        "POST, /api/v1/enterprises,         ADMIN,      allowed",
        "POST, /api/v1/enterprises,         ENTERPRISE, denied",
        "POST, /api/v1/enterprises,         OPERATOR,   denied",
        "GET,  /api/v1/enterprises/e-1,     ENTERPRISE, allowed",
        "GET,  /api/v1/enterprises/e-1,     OPERATOR,   denied",
        "POST, /api/v1/excursions,          ENTERPRISE, allowed",
        "POST, /api/v1/excursions,          OPERATOR,   denied",
        "PATCH,/api/v1/slots/s-1,           ENTERPRISE, allowed",
        "PATCH,/api/v1/slots/s-1,           OPERATOR,   denied",
        "GET,  /api/v1/bookings,            ENTERPRISE, allowed",
        "GET,  /api/v1/bookings,            OPERATOR,   denied",
        "GET,  /api/v1/manifests/s-1,       ENTERPRISE, allowed",
        "GET,  /api/v1/manifests/s-1,       OPERATOR,   denied",
        "GET,  /api/v1/notifications,       OPERATOR,   allowed",
        "GET,  /api/v1/notifications,       ENTERPRISE, allowed",
        "GET,  /admin/api-keys,             ADMIN,      allowed",
        "GET,  /admin/api-keys,             OPERATOR,   denied",
        "GET,  /admin/operators,            ENTERPRISE, denied",
        "GET,  /admin/signing-keys,         OPERATOR,   denied",
        "POST, /admin/signing-keys,         ENTERPRISE, denied",
        "GET,  /api/v1/catalog/excursions,  OPERATOR,   allowed",
        "GET,  /api/v1/catalog/excursions,  ENTERPRISE, allowed",
    })
    void functionLevelAccessFollowsTheRouteTable(String method, String path, String tenantType, String expected) {
        String key = switch (tenantType) {
            case "ADMIN" -> GatewayTestSupport.ADMIN_KEY;
            case "OPERATOR" -> GatewayTestSupport.operatorKey(client);
            default -> GatewayTestSupport.enterpriseKey(client, "ent-matrix");
        };
        WebTestClient.ResponseSpec response = client.method(HttpMethod.valueOf(method)).uri(path)
            .header("Authorization", "Bearer " + key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange();
        if (expected.equals("allowed")) {
            response.expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
        }
        else {
            response.expectStatus().isForbidden();
            if (path.startsWith("/octo")) {
                response.expectBody().jsonPath("$.error").isEqualTo("FORBIDDEN");
            }
            else {
                response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    @Test
    void adminInputIsValidatedFieldByField() {
        client.post().uri("/admin/operators").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .bodyValue(Map.of("name", "", "email", "not-an-email", "phone", "8-916"))
            .exchange().expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("name", "email", "phone"));

        client.post().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .bodyValue(Map.of("tenantId", "x"))
            .exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("tenantType");

        client.post().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .bodyValue(Map.of("tenantType", "OPERATOR", "tenantId", "op-does-not-exist"))
            .exchange().expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("op-does-not-exist"));

        client.post().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"tenantType\":\"KING\",\"tenantId\":\"x\"}")
            .exchange().expectStatus().isBadRequest();
    }

    /** The review's finding: an ENTERPRISE key could be issued for an enterprise id nobody registered. */
    @Test
    void anEnterpriseKeyIsIssuedOnlyForAnEnterpriseTheCatalogKnows() throws Exception {
        services.stubFor(get(urlEqualTo("/api/v1/enterprises/ent-ghost")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        services.stubFor(get(urlEqualTo("/api/v1/enterprises/ent-catalog-failing")).willReturn(aResponse().withStatus(500)));
        services.stubFor(get(urlEqualTo("/api/v1/enterprises/ent-catalog-unreachable"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        issueEnterpriseKey("ent-ghost", "req-ghost").expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ent-ghost").contains("catalog"));
        for (String unanswered : List.of("ent-catalog-failing", "ent-catalog-unreachable")) {
            issueEnterpriseKey(unanswered, "req-" + unanswered).expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(unanswered));
        }
        String listing = client.get().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).as("no key was issued blindly").doesNotContain("ent-ghost").doesNotContain("ent-catalog-");

        issueEnterpriseKey("ent-registered", "req-registered").expectStatus().isCreated();
        JWTClaimsSet asked = forwardedClaims("/api/v1/enterprises/ent-registered", "req-registered");
        assertThat(asked.getStringClaim("tenant_type")).as("the catalog is asked as the admin").isEqualTo("ADMIN");
        assertThat(asked.getAudience()).containsExactly("promtour-services");
    }

    private WebTestClient.ResponseSpec issueEnterpriseKey(String enterpriseId, String requestId) {
        return client.post().uri("/admin/api-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .header("X-Request-Id", requestId)
            .bodyValue(Map.of("tenantType", "ENTERPRISE", "tenantId", enterpriseId))
            .exchange();
    }

    /**
     * Failed authentications count per client address (failed-authentications: burst 20, then 1/s); past them
     * the address is refused outright for the Retry-After, whatever key it sends. Each client here is its own
     * loopback address, as the gateway tells clients apart by address.
     */
    @Test
    void manyFailedAuthenticationsFromOneAddressAre429AndOtherClientsGoOn() {
        String guesser = "127.0.0.2";
        String valid = GatewayTestSupport.enterpriseKey(client, "ent-behind-the-guesser");
        RawHttp.Response refused = null;
        RawHttp.Response validFromTheGuesser = null;
        for (int guess = 0; guess < 80 && refused == null; guess++) {
            RawHttp.Response answer = RawHttp.get(guesser, port, "/octo/products", "Bearer ptk_guess-" + guess);
            if (answer.status() == 429) {
                refused = answer;
                validFromTheGuesser = RawHttp.get(guesser, port, "/api/v1/excursions", "Bearer " + valid);
            }
            else {
                assertThat(answer.status()).as("guess %d: %s", guess, answer.body()).isEqualTo(403);
            }
        }
        assertThat(refused).as("80 failed authentications in a row were never refused").isNotNull();
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.body()).contains("\"error\":\"TOO_MANY_REQUESTS\"").contains("failed authentications");
        assertThat(validFromTheGuesser.status()).as("refused outright, before the key is looked at").isEqualTo(429);
        assertThat(validFromTheGuesser.header("Content-Type")).startsWith("application/problem+json");
        assertThat(validFromTheGuesser.header("Retry-After")).matches("[1-9][0-9]*");

        assertThat(RawHttp.get("127.0.0.3", port, "/api/v1/excursions", "Bearer ptk_one-mistake").status())
            .as("another address still gets its 401").isEqualTo(401);
        client.get().uri("/api/v1/excursions").header("Authorization", "Bearer " + valid).exchange().expectStatus().isOk();
    }

    /** The admin API per admin key (admin: burst 100, then 10/s); each key here is its own bucket. */
    @Test
    void theAdminApiIsRateLimitedPerAdminKeyAndAModestBurstPasses() {
        String everyday = (String) GatewayTestSupport.issueKey(client, "ADMIN", "ops-everyday").get("apiKey");
        for (int i = 0; i < 30; i++) {
            client.get().uri("/admin/operators").header("Authorization", "Bearer " + everyday)
                .exchange().expectStatus().isOk();
        }
        String runaway = (String) GatewayTestSupport.issueKey(client, "ADMIN", "ops-runaway-script").get("apiKey");
        // a runaway script: 400 calls, 16 at a time (fast whatever this machine's latency, so the refill cannot keep up)
        List<ResponseEntity<String>> answers = Flux.range(0, 400)
            .flatMap(i -> WebClient.create("http://localhost:" + port).get().uri("/admin/operators")
                .header("Authorization", "Bearer " + runaway)
                .exchangeToMono(response -> response.toEntity(String.class)), 16)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).containsOnly(200, 429).contains(429);
        ResponseEntity<String> refused = answers.stream().filter(answer -> answer.getStatusCode().value() == 429).findFirst().orElseThrow();
        assertThat(refused.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("\"status\":429").contains("admin API");
        client.get().uri("/admin/operators").header("Authorization", "Bearer " + everyday)
            .exchange().expectStatus().isOk();
    }

    /** The private halves never leave the key directory; a rotation publishes the new key before it signs. */
    @Test
    void theAdminRotatesTheSigningKeyAndTheNewKeyIsPublishedBeforeItSigns() throws Exception {
        URL jwks = new URL("http://localhost:" + port + "/.well-known/jwks.json");
        int published = JWKSet.load(jwks).getKeys().size();

        String created = client.post().uri("/admin/signing-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        String kid = JsonPath.read(created, "$.kid");
        assertThat((String) JsonPath.read(created, "$.state")).isEqualTo("PENDING");

        JWKSet after = JWKSet.load(jwks);
        assertThat(after.getKeys()).hasSize(published + 1);
        assertThat(after.getKeyByKeyId(kid)).isNotNull().satisfies(key -> assertThat(key.isPrivate()).isFalse());
        String listing = client.get().uri("/admin/signing-keys").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains(kid).contains("ACTIVE").doesNotContain("\"d\"");
    }

    private WebTestClient.ResponseSpec octoProducts(String key) {
        return client.get().uri("/octo/products").header("Authorization", "Bearer " + key).exchange();
    }
}
