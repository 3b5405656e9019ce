package ru.promtour.catalog.octo.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every {@code /octo} request with the {@code Octo-Capabilities} header (OCTO marks it required on
 * every response), set before security and the controllers run, so 401/403 and error bodies carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class OctoCapabilitiesFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/octo") || path.startsWith("/octo/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(OctoCapabilities.HEADER,
                String.join(", ", OctoCapabilities.initialised(request.getHeader(OctoCapabilities.HEADER))));
        chain.doFilter(request, response);
    }
}
