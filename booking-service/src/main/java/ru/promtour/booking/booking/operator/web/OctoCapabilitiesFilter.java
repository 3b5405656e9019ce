package ru.promtour.booking.booking.operator.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OCTO requires the {@code Octo-Capabilities} response header on every answer: the capabilities initialised with
 * the request. The booking service initialises none (a booking carries no {@code octo/pricing} fields: prices are
 * the catalog's), so the header is always there and always empty; echoing what was asked would tell a reseller
 * that {@code pricing} is on the booking when it is not.
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
        response.setHeader(HEADER, "");
        chain.doFilter(request, response);
    }
}
