package ru.promtour.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 403 when a valid token's tenant type may not use the endpoint (a path rule or a
 * {@code @PreAuthorize}), in the caller's API shape. Ownership of data is not decided here: that is a
 * 404 from {@code Tenant.requireEnterprise}/{@code requireOperator}.
 */
public final class PlatformAccessDeniedHandler implements AccessDeniedHandler {

    static final String DETAIL = "This tenant may not use this endpoint";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        SecurityErrorResponses.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", DETAIL);
    }
}
