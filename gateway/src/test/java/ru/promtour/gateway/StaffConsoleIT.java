package ru.promtour.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.time.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts end to end at the gateway (ADR 0008): the admin invites, the member sets a password and signs in,
 * and its {@code pts_} session token is resolved like an API key of its tenant; lockout, disabling, invitations; and
 * the web module's pages routed with cookies, forms and redirects intact. Services and the web module are stubs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY)
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
@ExtendWith(OutputCaptureExtension.class)
class StaffConsoleIT {

    private static final String PASSWORD = "vanilla-sky-42";

    @RegisterExtension
    static WireMockExtension services = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension web = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", services::baseUrl);
        registry.add("platform.services.booking", services::baseUrl);
        registry.add("platform.services.notification", services::baseUrl);
        registry.add("platform.services.web", web::baseUrl);
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.system();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void stub() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anInvitedMemberSignsInAndCallsTheApiAsItsEnterpriseOnly(CapturedOutput output) throws Exception {
        String invited = invite("Olga.Petrova@Shokoladnitsa.RU", "ENTERPRISE", "ent-choco");
        assertThat((String) JsonPath.read(invited, "$.id")).startsWith("stf-");
        assertThat((String) JsonPath.read(invited, "$.email")).isEqualTo("olga.petrova@shokoladnitsa.ru");
        assertThat((String) JsonPath.read(invited, "$.status")).isEqualTo("INVITED");
        assertThat((String) JsonPath.read(invited, "$.enterpriseId")).isEqualTo("ent-choco");
        String inviteToken = JsonPath.read(invited, "$.inviteToken");
        assertThat(inviteToken).matches("pti_[A-Za-z0-9_-]{43}");
        assertThat((String) JsonPath.read(invited, "$.invitePath")).isEqualTo("/console/invite?token=" + inviteToken);
        Instant expires = Instant.parse(JsonPath.read(invited, "$.inviteExpiresAt"));
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));

        accept(inviteToken, PASSWORD).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("ACTIVE")
            .jsonPath("$.email").isEqualTo("olga.petrova@shokoladnitsa.ru")
            .jsonPath("$.role").isEqualTo("ENTERPRISE");

        String session = signIn("OLGA.PETROVA@shokoladnitsa.ru", PASSWORD).expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
        String token = JsonPath.read(session, "$.token");
        assertThat(token).matches("pts_[A-Za-z0-9_-]{43}");
        assertThat((String) JsonPath.read(session, "$.member.enterpriseId")).isEqualTo("ent-choco");
        assertThat(Instant.parse(JsonPath.read(session, "$.expiresAt")))
            .isBetween(Instant.now().plus(Duration.ofHours(12)).minusSeconds(60), Instant.now().plus(Duration.ofHours(12)));
        String memberId = JsonPath.read(session, "$.member.id");

        JWTClaimsSet own = forwardedClaims(token, "/api/v1/enterprises/ent-choco", "req-staff-own");
        assertThat(own.getSubject()).isEqualTo("ENTERPRISE:ent-choco");
        assertThat(own.getStringClaim("key_id")).isEqualTo("session:" + memberId);
        // another enterprise's path: forwarded as the member's own enterprise, which the service then refuses
        assertThat(forwardedClaims(token, "/api/v1/enterprises/ent-other", "req-staff-other").getSubject())
            .isEqualTo("ENTERPRISE:ent-choco");
        LoggedRequest forwarded = forwardedRequest("/api/v1/enterprises/ent-choco", "req-staff-own");
        assertThat(forwarded.getHeader("Authorization")).doesNotContain(token);

        client.get().uri("/admin/api-keys").header("Authorization", "Bearer " + token).exchange().expectStatus().isForbidden();
        client.get().uri("/admin/staff").header("Authorization", "Bearer " + token).exchange().expectStatus().isForbidden();

        client.get().uri("/auth/sessions/current").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.member.id").isEqualTo(memberId)
            .jsonPath("$.member.name").isEqualTo("Olga Petrova")
            .jsonPath("$.expiresAt").exists();

        client.delete().uri("/auth/sessions/current").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isNoContent();
        client.get().uri("/api/v1/enterprises/ent-choco").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/admin/staff").header("Authorization", "Bearer " + token).exchange().expectStatus().isUnauthorized();
        client.get().uri("/auth/sessions/current").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isUnauthorized();
        client.delete().uri("/auth/sessions/current").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isNoContent();

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(inviteToken).doesNotContain(PASSWORD);
    }

    @Test
    void aSessionEndsAfterTwelveHours() {
        String token = activeMember("ENTERPRISE", "ent-expiry");
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + token).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAdminSessionManagesStaffAndSeesNoSecrets() throws Exception {
        String admin = activeMember("ADMIN", null);
        String listing = client.get().uri("/admin/staff").header("Authorization", "Bearer " + admin).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).doesNotContain("Hash").doesNotContain("pti_").doesNotContain("pts_").doesNotContain("password");
        List<String> created = JsonPath.read(listing, "$[*].createdAt");
        assertThat(created).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));

        String byAdmin = client.post().uri("/admin/staff").header("Authorization", "Bearer " + admin)
            .bodyValue(Map.of("email", "guide@zavod-a.ru", "name", "Guide", "role", "ENTERPRISE", "enterpriseId", "ent-a"))
            .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String id = JsonPath.read(byAdmin, "$.id");
        client.get().uri("/admin/staff?enterpriseId=ent-a").header("Authorization", "Bearer " + admin).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$[*].id").value(ids -> assertThat((List<String>) ids).containsExactly(id))
            .jsonPath("$[0].status").isEqualTo("INVITED");
        JWTClaimsSet asked = JWTClaimsSet.parse(SignedJWT.parse(services.findAll(getRequestedFor(urlEqualTo("/api/v1/enterprises/ent-a")))
            .get(0).getHeader("Authorization").substring(7)).getJWTClaimsSet().toJSONObject());
        assertThat(asked.getStringClaim("tenant_type")).as("the catalog is asked as the admin").isEqualTo("ADMIN");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheAdminUnlocksIt() throws Exception {
        String email = "locked@zavod-lock.ru";
        String id = JsonPath.read(invite(email, "ENTERPRISE", "ent-lock"), "$.id");
        String invited = client.post().uri("/admin/staff/{id}/invite", id).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        accept(JsonPath.read(invited, "$.inviteToken"), PASSWORD).expectStatus().isOk();

        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(email, "wrong-password-" + attempt).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("Wrong e-mail or password");
        }
        String locked = signIn(email, "wrong-password-5").expectStatus().isEqualTo(423)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class).returnResult().getResponseBody();
        String lockedUntil = JsonPath.read(locked, "$.lockedUntil");
        assertThat(Instant.parse(lockedUntil)).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));
        assertThat((String) JsonPath.read(locked, "$.detail")).isEqualTo("The account is locked after 5 failed sign-ins; try again after "
                + lockedUntil + " or ask the regional office");

        clock.advance(Duration.ofMinutes(5));
        signIn(email, PASSWORD).expectStatus().isEqualTo(423).expectBody()
            .jsonPath("$.lockedUntil").isEqualTo(lockedUntil);
        signIn(email, "wrong-again").expectStatus().isEqualTo(423).expectBody()
            .jsonPath("$.lockedUntil").isEqualTo(lockedUntil);
        client.get().uri("/admin/staff?enterpriseId=ent-lock").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$[0].status").isEqualTo("LOCKED")
            .jsonPath("$[0].lockedUntil").isEqualTo(lockedUntil);

        client.post().uri("/admin/staff/{id}/unlock", id).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("ACTIVE")
            .jsonPath("$.lockedUntil").doesNotExist();
        signIn(email, PASSWORD).expectStatus().isCreated();
        client.get().uri("/admin/staff?enterpriseId=ent-lock").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].lastSignInAt").exists();
    }

    @Test
    void aLockEndsByItselfAfterFifteenMinutes() {
        String email = "patient@zavod-wait.ru";
        accept(JsonPath.read(invite(email, "ENTERPRISE", "ent-wait"), "$.inviteToken"), PASSWORD).expectStatus().isOk();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(email, "wrong-password-" + attempt).expectStatus().value(status -> assertThat(status).isIn(401, 423));
        }
        signIn(email, PASSWORD).expectStatus().isEqualTo(423);
        clock.advance(Duration.ofMinutes(15).plusSeconds(2));
        signIn(email, PASSWORD).expectStatus().isCreated();
    }

    @Test
    void aDisabledMemberCannotSignInAndItsSessionsEndAtOnce() {
        String email = "leaving@zavod-d.ru";
        String id = JsonPath.read(invite(email, "ENTERPRISE", "ent-d"), "$.id");
        String inviteToken = JsonPath.read(client.post().uri("/admin/staff/{id}/invite", id)
            .header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody(), "$.inviteToken");
        accept(inviteToken, PASSWORD).expectStatus().isOk();
        String token = JsonPath.read(signIn(email, PASSWORD).expectStatus().isCreated().expectBody(String.class)
            .returnResult().getResponseBody(), "$.token");
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

        client.delete().uri("/admin/staff/{id}", id).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISABLED");
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + token).exchange().expectStatus().isUnauthorized();
        signIn(email, PASSWORD).expectStatus().isUnauthorized().expectBody().jsonPath("$.detail").isEqualTo("Wrong e-mail or password");
        client.post().uri("/admin/staff/{id}/invite", id).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void anInvitationIsSingleUseAndExpiresAfterSevenDays() {
        String first = JsonPath.read(invite("twice@zavod-i.ru", "ENTERPRISE", "ent-i"), "$.inviteToken");
        accept(first, PASSWORD).expectStatus().isOk();
        accept(first, "another-password-1").expectStatus().isBadRequest().expectBody()
            .jsonPath("$.detail").isEqualTo("The invitation is not valid or has expired");
        accept("pti_" + "x".repeat(43), PASSWORD).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.detail").isEqualTo("The invitation is not valid or has expired");
        signIn("twice@zavod-i.ru", "another-password-1").expectStatus().isUnauthorized();

        String late = JsonPath.read(invite("late@zavod-i.ru", "ENTERPRISE", "ent-i"), "$.inviteToken");
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        accept(late, PASSWORD).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.detail").isEqualTo("The invitation is not valid or has expired");
        signIn("late@zavod-i.ru", PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void ofTwoAcceptsOfOneInvitationRacingExactlyOneWins() {
        String email = "racer@zavod-race.ru";
        String token = JsonPath.read(invite(email, "ENTERPRISE", "ent-race"), "$.inviteToken");
        List<Integer> statuses = Flux.range(0, 2)
            .flatMap(i -> WebClient.create("http://localhost:" + port).post().uri("/auth/invites/accept")
                .bodyValue(Map.of("token", token, "password", "racing-password-" + i))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 2)
            .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        List<Integer> signIns = List.of(0, 1).stream()
            .map(i -> signIn(email, "racing-password-" + i).returnResult(String.class).getStatus().value()).toList();
        assertThat(signIns).as("exactly the winner's password works").containsExactlyInAnyOrder(201, 401);
    }

    /** Wrong passwords arriving at once all count ($inc): the account ends up locked all the same. */
    @Test
    void concurrentWrongPasswordsAllCountTowardsTheLock() {
        String email = "hammered@zavod-burst.ru";
        accept(JsonPath.read(invite(email, "ENTERPRISE", "ent-burst"), "$.inviteToken"), PASSWORD).expectStatus().isOk();
        List<Integer> statuses = Flux.range(0, 6)
            .flatMap(i -> WebClient.create("http://localhost:" + port).post().uri("/auth/sessions")
                .bodyValue(Map.of("email", email, "password", "wrong-password-" + i))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 6)
            .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).containsOnly(401, 423).contains(423);
        signIn(email, PASSWORD).expectStatus().isEqualTo(423);
    }

    /** The office's "forgot password": a fresh invitation for an ACTIVE member replaces the password and ends its sessions. */
    @Test
    void aFreshInvitationResetsAnActiveMembersPassword() {
        String email = "forgetful@zavod-r.ru";
        String invited = invite(email, "ENTERPRISE", "ent-r");
        accept(JsonPath.read(invited, "$.inviteToken"), PASSWORD).expectStatus().isOk();
        String token = JsonPath.read(signIn(email, PASSWORD).expectStatus().isCreated().expectBody(String.class)
            .returnResult().getResponseBody(), "$.token");

        String again = client.post().uri("/admin/staff/{id}/invite", (String) JsonPath.read(invited, "$.id"))
            .header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat((String) JsonPath.read(again, "$.status")).isEqualTo("ACTIVE");
        accept(JsonPath.read(again, "$.inviteToken"), "brand-new-password").expectStatus().isOk();

        signIn(email, PASSWORD).expectStatus().isUnauthorized();
        signIn(email, "brand-new-password").expectStatus().isCreated();
        client.get().uri("/api/v1/slots/s-1").header("Authorization", "Bearer " + token).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void staffInputIsValidatedWithAReasonAndNeverA500() {
        String admin = "Bearer " + GatewayTestSupport.ADMIN_KEY;
        client.post().uri("/admin/staff").header("Authorization", admin)
            .bodyValue(Map.of("email", "not-an-email", "name", "", "role", "ENTERPRISE", "enterpriseId", "ent-v"))
            .exchange().expectStatus().isBadRequest().expectBody()
            .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("email", "name"));
        client.post().uri("/admin/staff").header("Authorization", admin)
            .bodyValue(Map.of("email", "x@zavod-v.ru", "name", "X", "role", "ENTERPRISE"))
            .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseId");
        client.post().uri("/admin/staff").header("Authorization", admin)
            .bodyValue(Map.of("email", "x@zavod-v.ru", "name", "X", "role", "ADMIN", "enterpriseId", "ent-v"))
            .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseId");
        client.post().uri("/admin/staff").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\":\"x@zavod-v.ru\",\"name\":\"X\",\"role\":\"KING\"}").exchange().expectStatus().isBadRequest();
        client.post().uri("/admin/staff").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{not json").exchange().expectStatus().isBadRequest();

        services.stubFor(get(urlEqualTo("/api/v1/enterprises/ent-ghost")).willReturn(aResponse().withStatus(404)));
        client.post().uri("/admin/staff").header("Authorization", admin)
            .bodyValue(Map.of("email", "ghost@zavod-v.ru", "name", "Ghost", "role", "ENTERPRISE", "enterpriseId", "ent-ghost"))
            .exchange().expectStatus().isEqualTo(422).expectBody()
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ent-ghost"));

        String token = JsonPath.read(invite("dup@zavod-v.ru", "ENTERPRISE", "ent-v"), "$.inviteToken");
        client.post().uri("/admin/staff").header("Authorization", admin)
            .bodyValue(Map.of("email", "DUP@Zavod-V.ru", "name", "Dup", "role", "ENTERPRISE", "enterpriseId", "ent-v"))
            .exchange().expectStatus().isEqualTo(409);

        accept(token, "short").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        accept(token, "p".repeat(129)).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        accept(token, "DUP@zavod-v.ru").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        accept(token, PASSWORD).expectStatus().isOk();
        client.post().uri("/auth/sessions").bodyValue(Map.of("email", "dup@zavod-v.ru")).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");

        for (String path : List.of("/admin/staff/stf-nobody/invite", "/admin/staff/stf-nobody/unlock")) {
            client.post().uri(path).header("Authorization", admin).exchange().expectStatus().isNotFound();
        }
        client.delete().uri("/admin/staff/stf-nobody").header("Authorization", admin).exchange().expectStatus().isNotFound();
        client.get().uri("/admin/staff?enterpriseId=" + "e".repeat(65)).header("Authorization", admin).exchange()
            .expectStatus().isBadRequest();
        client.get().uri("/admin/staff").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownSessionTokenIsRefusedLikeARevokedKey() {
        String unknown = "Bearer pts_" + "q".repeat(43);
        client.get().uri("/api/v1/slots/s-1").header("Authorization", unknown).exchange().expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.detail").isEqualTo("The session is not valid or has expired; sign in again");
        client.get().uri("/admin/staff").header("Authorization", unknown).exchange().expectStatus().isUnauthorized();
        client.get().uri("/auth/sessions/current").exchange().expectStatus().isUnauthorized();
    }

    /** All console sign-ins come from the web module's one address: their failures must not refuse that address. */
    @Test
    void aBurstOfFailedSignInsDoesNotTripThePerAddressLimiter() {
        String webModule = "127.0.0.5";
        for (int attempt = 0; attempt < 30; attempt++) {
            byte[] body = ("{\"email\":\"nobody-" + attempt + "@zavod.ru\",\"password\":\"wrong-password\"}").getBytes(StandardCharsets.UTF_8);
            RawHttp.Response answer = RawHttp.send(webModule, port, "POST /auth/sessions HTTP/1.1\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + body.length, body);
            assertThat(answer.status()).as("attempt %d: %s", attempt, answer.body()).isEqualTo(401);
        }
        String valid = GatewayTestSupport.enterpriseKey(client, "ent-behind-the-web-module");
        assertThat(RawHttp.get(webModule, port, "/api/v1/slots/s-1", "Bearer " + valid).status())
            .as("the address is not refused").isEqualTo(200);
    }

    @Test
    void consolePagesGoToTheWebModuleWithCookiesFormsAndRedirectsIntact() {
        web.stubFor(post(urlEqualTo("/console/login")).willReturn(aResponse().withStatus(302)
            .withHeader("Location", "/console").withHeader("Set-Cookie", "JSESSIONID=new-session; Path=/; HttpOnly; SameSite=Lax")));
        web.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/html;charset=UTF-8").withBody("<!DOCTYPE html><html><body>page</body></html>")));
        String form = "username=olga%40zavod.ru&password=secret+words&_csrf=c5rf-t0k3n";

        client.post().uri("/console/login")
            .header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .header("Cookie", "JSESSIONID=old-session; theme=light")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(form)
            .exchange()
            .expectStatus().isFound()
            .expectHeader().valueEquals("Location", "/console")
            .expectHeader().valueEquals("Set-Cookie", "JSESSIONID=new-session; Path=/; HttpOnly; SameSite=Lax");

        LoggedRequest received = web.findAll(postRequestedFor(urlEqualTo("/console/login"))).get(0);
        assertThat(received.getBodyAsString()).isEqualTo(form);
        assertThat(received.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(received.getHeader("Cookie")).isEqualTo("JSESSIONID=old-session; theme=light");
        assertThat(received.containsHeader("Authorization")).as("a client's credentials never reach the web module").isFalse();
        assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);

        for (String page : List.of("/", "/guide", "/guide/kaluga", "/console", "/console/slots?day=2026-12-05", "/assets/app.css")) {
            client.get().uri(page).header("X-Forwarded-For", "6.6.6.6").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).isEqualTo("<!DOCTYPE html><html><body>page</body></html>");
            assertThat(web.findAll(getRequestedFor(urlEqualTo(page)))).as(page).singleElement()
                .satisfies(request -> assertThat(request.getHeader("X-Forwarded-For"))
                    .as("a client cannot choose the address the web module sees").isEqualTo("127.0.0.1"));
        }
    }

    // --- the admin's and the member's steps, through the real API

    private String invite(String email, String role, String enterpriseId) {
        Map<String, Object> body = enterpriseId == null ? Map.of("email", email, "name", "Olga Petrova", "role", role)
                : Map.of("email", email, "name", "Olga Petrova", "role", role, "enterpriseId", enterpriseId);
        return client.post().uri("/admin/staff").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY)
            .bodyValue(body).exchange().expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec accept(String token, String password) {
        return client.post().uri("/auth/invites/accept").bodyValue(Map.of("token", token, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec signIn(String email, String password) {
        return client.post().uri("/auth/sessions").bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    /** A member invited, activated and signed in: its session token. */
    private String activeMember(String role, String enterpriseId) {
        String email = "member-" + System.nanoTime() + "@zavod.ru";
        accept(JsonPath.read(invite(email, role, enterpriseId), "$.inviteToken"), PASSWORD).expectStatus().isOk();
        return JsonPath.read(signIn(email, PASSWORD).expectStatus().isCreated().expectBody(String.class)
            .returnResult().getResponseBody(), "$.token");
    }

    private JWTClaimsSet forwardedClaims(String token, String path, String requestId) throws Exception {
        client.get().uri(path).header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
            .exchange().expectStatus().isOk();
        return SignedJWT.parse(forwardedRequest(path, requestId).getHeader("Authorization").substring(7)).getJWTClaimsSet();
    }

    private static LoggedRequest forwardedRequest(String path, String requestId) {
        return services.findAll(getRequestedFor(urlEqualTo(path))).stream()
            .filter(r -> requestId.equals(r.getHeader("X-Request-Id"))).findFirst().orElseThrow();
    }
}
