package ru.promtour.e2e.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The oracle: what is wrong with an answer, whatever the request was. Never a 5xx; never a stack trace or a
 * class name in the body; every 4xx in its route's error format: under {@code /octo/} OCTO's
 * {@code {"error": CODE, "errorMessage": "…"}} with one of the codes docs/octo.md lists, elsewhere
 * {@code application/problem+json} with {@code title}, {@code status} (the answer's) and {@code detail}.
 */
public final class ErrorShape {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OCTO's codes (docs/octo.md, Errors) and NOT_FOUND, the webhooks' and products' unknown id. */
    static final Set<String> OCTO_CODES = Set.of("INVALID_PRODUCT_ID", "INVALID_OPTION_ID", "INVALID_UNIT_ID",
            "INVALID_AVAILABILITY_ID", "INVALID_BOOKING_UUID", "BAD_REQUEST", "UNPROCESSABLE_ENTITY", "UNAUTHORIZED",
            "FORBIDDEN", "TOO_MANY_REQUESTS", "NOT_FOUND");
    /** What only a stack trace, an exception's toString or a framework message would put in a body. */
    static final List<String> LEAKS = List.of("\tat ", "at ru.", "at java.", "at org.", "Exception", "java.lang",
            "java.util", "java.time", "org.springframework", "tools.jackson", "com.fasterxml", "org.bson", "com.mongodb",
            "jakarta.", "Caused by", "ru.promtour.");

    private ErrorShape() {
    }

    /** Every problem of the answer to a request on {@code path}; empty when it is fine. */
    public static List<String> problems(String path, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (status >= 500) {
            problems.add("5xx: " + status);
        }
        for (String leak : LEAKS) {
            if (body != null && body.contains(leak)) {
                problems.add("leak: the body contains \"" + leak.replace("\t", "\\t") + "\"");
            }
        }
        if (status >= 400 && status < 500) {
            boolean octo = path.startsWith("/octo/");
            // a path no OCTO endpoint has is "not an OCTO error" (docs/octo.md): either shape, as long as it is one
            if (octo && (status == 404 || status == 405)) {
                List<String> asOcto = octo(status, contentType, body);
                if (!asOcto.isEmpty() && !problem(status, contentType, body).isEmpty()) {
                    problems.addAll(asOcto);
                }
            }
            else {
                problems.addAll(octo ? octo(status, contentType, body) : problem(status, contentType, body));
            }
        }
        return problems;
    }

    private static List<String> octo(int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (!contentType.startsWith("application/json")) {
            problems.add("OCTO error without Content-Type application/json: " + contentType);
        }
        JsonNode json = read(body);
        if (!json.path("error").isTextual() || !OCTO_CODES.contains(json.path("error").asText())) {
            problems.add("OCTO error without a known \"error\" code: " + json.path("error"));
        }
        if (!json.path("errorMessage").isTextual() || json.path("errorMessage").asText().isBlank()) {
            problems.add("OCTO error without an \"errorMessage\"");
        }
        return problems;
    }

    private static List<String> problem(int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        if (!contentType.startsWith("application/problem+json")) {
            problems.add("4xx without Content-Type application/problem+json: " + contentType);
        }
        JsonNode json = read(body);
        if (!json.path("title").isTextual() || json.path("title").asText().isBlank()) {
            problems.add("problem without a \"title\"");
        }
        if (json.path("status").asInt() != status) {
            problems.add("problem whose \"status\" is not " + status + ": " + json.path("status"));
        }
        if (!json.path("detail").isTextual() || json.path("detail").asText().isBlank()) {
            problems.add("problem without a \"detail\"");
        }
        return problems;
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }
        catch (IOException ex) {
            return JSON.missingNode();
        }
    }
}
