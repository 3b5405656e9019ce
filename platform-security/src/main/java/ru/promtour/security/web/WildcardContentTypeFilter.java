package ru.promtour.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard ({@code application/*}, {@code *}/{@code *}) with 415 in
 * the caller's API shape. Spring MVC cannot read such a request: its {@code HttpHeaders} throw an
 * {@code IllegalArgumentException} on it, which every controller advice answered as a 500 (found by the fuzzer,
 * docs/reliability.md). An unparsable type is left to Spring MVC, which answers it with a 415 of its own.
 */
public final class WildcardContentTypeFilter extends OncePerRequestFilter {

    static final String DETAIL = "The Content-Type must be one media type, application/json, not a wildcard";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            SecurityErrorResponses.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BAD_REQUEST", DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
