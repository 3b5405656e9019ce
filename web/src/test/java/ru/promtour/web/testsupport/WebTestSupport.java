package ru.promtour.web.testsupport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.promtour.web.security.ConsoleUser;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The web module against a WireMock server standing in for the gateway: every page test asserts what the page asked
 * the gateway and what it rendered. One WireMock server per test JVM, reset after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"management.server.port=-1", "spring.thymeleaf.cache=false"})
@AutoConfigureMockMvc
public abstract class WebTestSupport {

    protected static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        gateway.start();
    }

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", gateway::baseUrl);
    }

    @Autowired
    protected MockMvc mvc;

    @AfterEach
    void resetGateway() {
        gateway.resetAll();
    }

    /** A staff member of {@code enterpriseId}, signed in, whose session token is {@code pts_test-<enterpriseId>}. */
    protected static ConsoleUser staffOf(String enterpriseId) {
        return new ConsoleUser("stf-" + enterpriseId, "staff@" + enterpriseId + ".example", "Staff " + enterpriseId,
                "ENTERPRISE", enterpriseId, "pts_test-" + enterpriseId, Instant.now().plus(12, ChronoUnit.HOURS));
    }

    /** The regional office, signed in, with the session token {@code pts_test-admin}. */
    protected static ConsoleUser regionalOffice() {
        return new ConsoleUser("stf-admin", "office@region.example", "Regional office", "ADMIN", null, "pts_test-admin",
                Instant.now().plus(12, ChronoUnit.HOURS));
    }

    /** The request as this signed-in person (what the form login leaves in the session). */
    protected static RequestPostProcessor as(ConsoleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role()))));
    }
}
