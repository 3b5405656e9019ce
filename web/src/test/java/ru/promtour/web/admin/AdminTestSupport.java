package ru.promtour.web.admin;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.promtour.web.security.ConsoleUser;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The admin pages' test set-up: the whole web module on MockMvc, with one WireMock server standing in for the gateway
 * for the whole run (one server, so every test class shares one cached application context), and the two kinds of
 * signed-in people: the regional office and an enterprise's staff member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
abstract class AdminTestSupport {

    static final String ADMIN_TOKEN = "pts_admin-session";

    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());

    static {
        GATEWAY.start();
    }

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::baseUrl);
    }

    @BeforeEach
    void resetGateway() {
        GATEWAY.resetAll();
    }

    /** Every text of the page came from the messages files: Thymeleaf shows a missing key as {@code ??key_ru??}. */
    static ResultMatcher everyTextFound() {
        return content().string(not(containsString("??")));
    }

    /** Signed in as the regional office. */
    static RequestPostProcessor admin() {
        return as(new ConsoleUser("stf-admin", "office@region.example", "Региональный офис", "ADMIN", null,
                ADMIN_TOKEN, Instant.now().plusSeconds(3600)));
    }

    /** Signed in as a staff member of an enterprise. */
    static RequestPostProcessor enterpriseStaff() {
        return as(new ConsoleUser("stf-1", "guide@fruzhe.example", "Анна", "ENTERPRISE", "fruzhe",
                "pts_enterprise-session", Instant.now().plusSeconds(3600)));
    }

    private static RequestPostProcessor as(ConsoleUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role()))));
    }
}
