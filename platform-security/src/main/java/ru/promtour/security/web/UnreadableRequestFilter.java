package ru.promtour.security.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, in the caller's API shape, what no controller advice could answer as a 4xx (both found by the fuzzer,
 * docs/reliability.md):
 * <ul>
 * <li>a wildcard {@code Content-Type} ({@code application/*}): 415. Spring MVC's {@code HttpHeaders} throw an
 * {@code IllegalArgumentException} on it, which the advices answered as a 500. An unparsable type is left to
 * Spring MVC, which answers it with a 415 of its own;</li>
 * <li>query parameters that are not UTF-8 ({@code ?limit=%FF%FE}): 400. Tomcat decodes them when they are first
 * read and throws then, in a controller (a 500 from the OCTO advices) or in a filter (Boot's error page).</li>
 * </ul>
 */
public final class UnreadableRequestFilter extends OncePerRequestFilter {

    static final String WILDCARD = "The Content-Type must be one media type, application/json, not a wildcard";
    static final String UNDECODABLE = "The query parameters are not valid UTF-8 once percent-decoded";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            SecurityErrorResponses.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "BAD_REQUEST", WILDCARD);
            return;
        }
        if (!parametersDecode(request)) {
            SecurityErrorResponses.write(request, response, HttpStatus.BAD_REQUEST, "BAD_REQUEST", UNDECODABLE);
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

    /** Decodes the query now; a form body is left unread (its parameters would consume it), a JSON API refuses it anyway. */
    private static boolean parametersDecode(HttpServletRequest request) {
        if (request.getQueryString() == null || isForm(request.getContentType())) {
            return true;
        }
        try {
            request.getParameterMap();
            return true;
        }
        catch (IllegalStateException ex) {
            // Tomcat's InvalidParameterException
            return false;
        }
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
