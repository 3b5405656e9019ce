package ru.promtour.logging.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.promtour.logging.LogFields;

/**
 * Puts the gateway's {@code X-Request-Id} into the MDC as {@code request.id} for the request's log lines. An id
 * that is longer than 64 characters or holds anything but letters, digits, {@code .}, {@code _} and {@code -} is
 * not logged (it is the caller's text, and the gateway always sends a sane one); the request goes on either way.
 * Runs right after the tracing filter, before security, so a rejected request's lines carry it too.
 */
public class RequestIdFilter extends OncePerRequestFilter implements Ordered {

    /** The header the gateway sets on every forwarded request. */
    public static final String HEADER = "X-Request-Id";
    /** Before Spring Security's chain (-100), after the tracing observation filter (highest + 1). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The id to log, or null when {@code offered} is absent or not a sane token. */
    public static String validRequestId(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (LogFields.MdcScope ignored = LogFields.MdcScope.put(LogFields.REQUEST_ID,
                validRequestId(request.getHeader(HEADER)))) {
            chain.doFilter(request, response);
        }
    }
}
