package ru.promtour.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused sign-in goes back to the sign-in page, which reads the refusal from the session. Spring Security attaches
 * the attempt (e-mail and password in clear) to the exception it keeps there, and with several instances the session
 * is written to Redis: so the session gets a copy that keeps only the kind of refusal and its sentence.
 */
class SignInFailure extends SimpleUrlAuthenticationFailureHandler {

    SignInFailure(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        super.onAuthenticationFailure(request, response, withoutAttempt(exception));
    }

    /** The same kind of refusal (what {@link SignInController} tells apart) and sentence, without the attempt. */
    static AuthenticationException withoutAttempt(AuthenticationException refusal) {
        if (refusal instanceof LockedException) {
            return new LockedException(refusal.getMessage());
        }
        if (refusal instanceof BadCredentialsException) {
            return new BadCredentialsException(refusal.getMessage());
        }
        return new AuthenticationServiceException(refusal.getMessage());
    }
}
