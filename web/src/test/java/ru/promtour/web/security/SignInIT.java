package ru.promtour.web.security;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import ru.promtour.web.gateway.GatewayClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in, out and being refused: the gateway decides, the console keeps only a server-side session. */
@Import(SignInIT.Probe.class)
class SignInIT extends WebTestSupport {

    /** A console page that reads the person's programs: what any page does when the session has ended. */
    @Controller
    static class Probe {
        private final GatewayClient gateway;

        Probe(GatewayClient gateway) {
            this.gateway = gateway;
        }

        @GetMapping("/console/probe")
        @ResponseBody
        String probe() {
            return String.valueOf(gateway.get(GatewayClient.path("/api/v1/excursions")));
        }
    }

    private static final String SESSION = """
            {"token":"pts_abc","expiresAt":"2099-01-01T00:00:00Z",
             "member":{"id":"stf-1","email":"anna@fruzhe.example","name":"Анна","role":"ENTERPRISE","enterpriseId":"ent-fruzhe"}}""";

    @Autowired
    ApplicationContext context;

    @Test
    void oneInstanceKeepsItsSessionsInMemoryAndNeedsNoRedis() {
        // the docker profile's Spring Session and Redis client are switched off (SharedSessionsIT: switched on)
        assertThat(context.getBeanNamesForType(SessionRepository.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
    }

    @Test
    void consoleRedirectsToTheSignInPageWithoutASession() throws Exception {
        mvc.perform(get("/console/programs")).andExpect(status().is3xxRedirection())
            .andExpect(header().string("Location", "/console/login"));
    }

    @Test
    void pathsOutsideThePagesAreNotHere() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/excursions")).andExpect(status().isNotFound());
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefusedAndNeverReachesTheGateway() throws Exception {
        mvc.perform(post("/console/login").param("email", "anna@fruzhe.example").param("password", "secret-password"))
            .andExpect(status().isForbidden());
        gateway.verify(0, postRequestedFor(urlEqualTo("/auth/sessions")));
    }

    @Test
    void aGoodPasswordOpensTheConsoleAndLaterCallsCarryTheSessionToken() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/sessions"))
            .withRequestBody(equalToJson("{\"email\":\"anna@fruzhe.example\",\"password\":\"secret-password\"}"))
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(SESSION)));
        MvcResult signedIn = mvc.perform(post("/console/login").with(csrf())
                .param("email", "anna@fruzhe.example").param("password", "secret-password"))
            .andExpect(redirectedUrl("/console")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

        mvc.perform(get("/console").session(session)).andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Анна")))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("pts_abc"))));

        gateway.stubFor(WireMock.delete(urlEqualTo("/auth/sessions/current")).willReturn(aResponse().withStatus(204)));
        mvc.perform(post("/console/logout").with(csrf()).session(session))
            .andExpect(redirectedUrl("/console/login?logout"));
        gateway.verify(deleteRequestedFor(urlEqualTo("/auth/sessions/current"))
            .withHeader("Authorization", equalTo("Bearer pts_abc")));
    }

    @Test
    void aWrongPasswordShowsTheGatewaysSentence() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/sessions")).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":401,\"detail\":\"Wrong e-mail or password\"}")));
        MvcResult failed = mvc.perform(post("/console/login").with(csrf())
                .param("email", "anna@fruzhe.example").param("password", "wrong-password"))
            .andExpect(redirectedUrl("/console/login?error")).andReturn();
        // one refused attempt is one failure at the gateway: the lockout counts attempts, not calls
        gateway.verify(1, postRequestedFor(urlEqualTo("/auth/sessions")));

        mvc.perform(get("/console/login").param("error", "").session((MockHttpSession) failed.getRequest().getSession(false)))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("Неверная электронная почта или пароль.")));
    }

    @Test
    void aLockedAccountIsToldSoEvenWithTheRightPassword() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/sessions")).willReturn(aResponse().withStatus(423)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":423,\"detail\":\"The account is locked after 5 failed sign-ins\",\"lockedUntil\":\"2099-01-01T00:15:00Z\"}")));
        MvcResult failed = mvc.perform(post("/console/login").with(csrf())
                .param("email", "anna@fruzhe.example").param("password", "secret-password"))
            .andExpect(redirectedUrl("/console/login?error")).andReturn();

        String page = mvc.perform(get("/console/login").param("error", "")
                .session((MockHttpSession) failed.getRequest().getSession(false)))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Учётная запись заблокирована после 5 неудачных попыток входа");
    }

    @Test
    void staffOfAnEnterpriseMayNotOpenTheRegionalOfficesPages() throws Exception {
        mvc.perform(get("/console/admin/enterprises").with(as(staffOf("ent-fruzhe")))).andExpect(status().isForbidden());
    }

    @Test
    void theRegionalOfficeIsSentToItsOwnPages() throws Exception {
        mvc.perform(get("/console").with(as(regionalOffice()))).andExpect(redirectedUrl("/console/admin"));
    }

    @Test
    void aSessionTheGatewayNoLongerAcceptsEndsTheBrowserSession() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/excursions")).willReturn(aResponse().withStatus(401)));
        mvc.perform(get("/console/probe").with(as(staffOf("ent-fruzhe"))))
            .andExpect(redirectedUrl("/console/login?expired"));
        mvc.perform(get("/console/probe").header("HX-Request", "true").with(as(staffOf("ent-fruzhe"))))
            .andExpect(status().isNoContent()).andExpect(header().string("HX-Redirect", "/console/login?expired"));
    }

    @Test
    void anExpiredSessionTokenIsNeverSentToTheGateway() throws Exception {
        ConsoleUser expired = new ConsoleUser("stf-1", "anna@fruzhe.example", "Анна", "ENTERPRISE", "ent-fruzhe",
                "pts_old", java.time.Instant.now().minusSeconds(1));
        mvc.perform(get("/console/probe").with(as(expired))).andExpect(redirectedUrl("/console/login?expired"));
        gateway.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void anInvitationSetsThePasswordAtTheGateway() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/invites/accept"))
            .withRequestBody(equalToJson("{\"token\":\"pti_1\",\"password\":\"a-long-password\"}"))
            .willReturn(okJson("{\"id\":\"stf-1\",\"email\":\"anna@fruzhe.example\",\"status\":\"ACTIVE\"}")));
        mvc.perform(post("/console/invite").with(csrf()).param("token", "pti_1")
                .param("password", "a-long-password").param("confirmation", "a-long-password"))
            .andExpect(redirectedUrl("/console/login?activated"));
    }

    @Test
    void anInvitationTheGatewayRefusesIsExplained() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/invites/accept")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":400,\"detail\":\"The invitation is not valid or has expired\"}")));
        mvc.perform(post("/console/invite").with(csrf()).param("token", "pti_old")
                .param("password", "a-long-password").param("confirmation", "a-long-password"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("The invitation is not valid or has expired")));
    }

    @Test
    void pagesForbidForeignScriptsAndFraming() throws Exception {
        mvc.perform(get("/console/login"))
            .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
            .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
