package ru.promtour.security.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request Spring Security's firewall refuses ({@code ..}, an encoded slash or a control character in
 * the path) with 400 in the caller's API shape; without it the rejection reached Boot's error page, whose JSON
 * is neither OCTO's nor problem+json. The firewall's message is not echoed: it quotes the request.
 */
public final class PlatformRequestRejectedHandler implements RequestRejectedHandler {

    static final String DETAIL = "The request path is not allowed (\"..\", an encoded slash or a control character)";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        if (!response.isCommitted()) {
            SecurityErrorResponses.write(request, response, HttpStatus.BAD_REQUEST, "BAD_REQUEST", DETAIL);
        }
    }
}
