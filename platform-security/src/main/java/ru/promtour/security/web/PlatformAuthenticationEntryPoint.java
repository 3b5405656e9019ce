package ru.promtour.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a body in the caller's API shape.
 * Used when no token came, when the token failed verification, and when it could not be verified at
 * all (the gateway's key set unreachable: fail closed, logged as a warning). The header and body carry fixed
 * texts only: Nimbus' failure messages can quote parts of the token, so they are never passed on.
 */
public final class PlatformAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(PlatformAuthenticationEntryPoint.class);

    static final String MISSING = "A valid bearer token is required; call the platform through the gateway";
    static final String INVALID = "The bearer token is invalid or expired";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (authException instanceof AuthenticationServiceException) {
            // the token could not be checked at all (JWKS unreachable): refuse it, and tell the operators
            log.warn("Could not verify a bearer token for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    authException.getMessage());
        }
        boolean invalidToken = authException instanceof OAuth2AuthenticationException
                || authException instanceof AuthenticationServiceException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer error=\"invalid_token\", error_description=\"" + INVALID + "\""
                : "Bearer");
        SecurityErrorResponses.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                invalidToken ? INVALID : MISSING);
    }
}
