package ru.promtour.web.security;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/** What a refused sign-in leaves in the session, which the docker profile writes to Redis. */
class SignInFailureTest {

    static Stream<AuthenticationException> refusals() {
        return Stream.of(new BadCredentialsException("Wrong e-mail or password"),
            new LockedException("The account is locked after 5 failed sign-ins"),
            new AuthenticationServiceException("The gateway does not answer"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void theSessionKeepsTheKindOfRefusalAndItsSentenceButNotTheAttempt(AuthenticationException refusal) throws Exception {
        refusal.setAuthenticationRequest(
            UsernamePasswordAuthenticationToken.unauthenticated("anna@fruzhe.example", "secret-password"));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/login");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new SignInFailure("/console/login?error").onAuthenticationFailure(request, response, refusal);

        Object kept = request.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        assertThat(kept).isExactlyInstanceOf(refusal.getClass());
        AuthenticationException keptRefusal = (AuthenticationException) kept;
        assertThat(keptRefusal.getMessage()).isEqualTo(refusal.getMessage());
        assertThat(keptRefusal.getAuthenticationRequest()).as("e-mail and password of the attempt").isNull();
        assertThat(response.getRedirectedUrl()).isEqualTo("/console/login?error");
    }
}
