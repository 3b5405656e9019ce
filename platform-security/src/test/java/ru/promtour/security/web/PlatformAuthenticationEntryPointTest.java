package ru.promtour.security.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformAuthenticationEntryPointTest {

    private final PlatformAuthenticationEntryPoint entryPoint = new PlatformAuthenticationEntryPoint();

    @Test
    void aMissingTokenGetsAPlainBearerChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/api/v1/slots"), response,
                new InsufficientAuthenticationException("Full authentication is required"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"instance\":\"/api/v1/slots\"");
    }

    @Test
    void aRejectedTokenGetsAnInvalidTokenChallengeWithAFixedTextNotTheLibrarysMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        entryPoint.commence(new MockHttpServletRequest("GET", "/octo/bookings"), response,
                new InvalidBearerTokenException("Malformed token eyJhbGciOi.secret-part"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
            .doesNotContain("secret-part");
        assertThat(response.getContentAsString()).contains("\"error\":\"UNAUTHORIZED\"").doesNotContain("secret-part");
    }
}
