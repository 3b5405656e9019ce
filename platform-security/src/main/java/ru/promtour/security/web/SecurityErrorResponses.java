package ru.promtour.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the body of a 401 or 403 in the shape the caller's API speaks: OCTO's
 * {@code {"error":"UNAUTHORIZED","errorMessage":"…"}} under {@code /octo/**}, RFC 9457
 * {@code application/problem+json} everywhere else. Texts are fixed: nothing from the request (least
 * of all the token) is echoed except the path as {@code instance}.
 */
final class SecurityErrorResponses {

    private static final RequestMatcher OCTO = PathPatternRequestMatcher.withDefaults().matcher("/octo/**");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityErrorResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String octoError, String detail) throws IOException {
        boolean octo = OCTO.matches(request);
        byte[] bytes = body(octo, status, octoError, detail, request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(contentType(octo).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The body alone: OCTO's error under {@code /octo/**}, problem+json naming {@code instance} elsewhere. */
    static byte[] body(boolean octo, HttpStatus status, String octoError, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (octo) {
            body.put("error", octoError);
            body.put("errorMessage", detail);
        }
        else {
            body.put("type", "about:blank");
            body.put("title", status.getReasonPhrase());
            body.put("status", status.value());
            body.put("detail", detail);
            if (instance != null) {
                body.put("instance", instance);
            }
        }
        return JSON.writeValueAsBytes(body);
    }

    static MediaType contentType(boolean octo) {
        return octo ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
    }
}
