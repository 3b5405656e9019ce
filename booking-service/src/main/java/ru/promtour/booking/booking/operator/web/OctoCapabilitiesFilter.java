package ru.promtour.booking.booking.operator.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OCTO requires the {@code Octo-Capabilities} response header on every answer: it echoes the capabilities
 * the caller asked for. The booking service initialises none of its own, so the echo is the request's value
 * (empty when none was sent).
 */
@Component
class OctoCapabilitiesFilter extends OncePerRequestFilter {

    static final String HEADER = "Octo-Capabilities";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/octo/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String asked = request.getHeader(HEADER);
        response.setHeader(HEADER, asked == null ? "" : asked);
        chain.doFilter(request, response);
    }
}
