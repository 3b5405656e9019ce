package ru.promtour.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

/** The measured call: an OCTO reserve of one seat, recorded by {@link Outcomes} under a phase name. */
final class Reserve {

    private Reserve() {
    }

    static String body(String productId, String slotId, String unitId) {
        try {
            return Bench.JSON.writeValueAsString(Map.of("uuid", UUID.randomUUID().toString(), "productId", productId,
                    "optionId", "DEFAULT", "availabilityId", slotId, "unitItems", List.of(Map.of("unitId", unitId))));
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * {@code POST /octo/bookings} on a random slot of {@code slots}; OK only when the answer is {@code ON_HOLD},
     * i.e. the catalog held the seat over Kafka within booking-service's wait. Every answer is counted by kind.
     */
    static ChainBuilder reserve(String phase, JsonNode program, List<String> slots, Supplier<String> bearer) {
        String productId = program.path("productId").asText();
        String unitId = program.path("unitId").asText();
        return exec(session -> session.remove("status").remove("body").remove("rt").remove("retryAfter"))
                .exec(http(phase).post("/octo/bookings")
                        .header("Authorization", session -> "Bearer " + bearer.get())
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> body(productId, slots.get(ThreadLocalRandom.current().nextInt(slots.size())), unitId)))
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"), bodyString().saveAs("body"),
                                header("Retry-After").optional().saveAs("retryAfter"))
                        .check(status().is(200), jsonPath("$.status").is("ON_HOLD")))
                .exec(session -> record(phase, session))
                // a refused client comes back when told to (Retry-After, at most 2 s), as an OCTO reseller does; a
                // client that retried at once would measure how fast the platform can say no, not what it sells
                .doIf(session -> session.contains("retryAfter")).then(pause(session -> Duration.ofSeconds(
                        Math.min(2, Math.max(0, parseSeconds(session.getString("retryAfter")))))));
    }

    private static long parseSeconds(String value) {
        try {
            return Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    private static Session record(String phase, Session session) {
        Outcomes.of(phase).record(session.contains("rt") ? session.getLong("rt") : -1, kind(session));
        return session;
    }

    /** ON_HOLD, PENDING (the catalog did not answer within the wait), SOLD_OUT …, HTTP 503, no answer. */
    static String kind(Session session) {
        if (!session.contains("status")) {
            return "no answer (connection or timeout)";
        }
        int status = session.getInt("status");
        String body = session.contains("body") ? session.getString("body") : "";
        try {
            JsonNode json = Bench.JSON.readTree(body);
            if (status == 200) {
                return json.path("status").asText("?");
            }
            String error = json.path("error").asText("");
            String message = json.path("errorMessage").asText("");
            if ("UNPROCESSABLE_ENTITY".equals(error) && message.matches("^[A-Z_]+:.*")) {
                return message.substring(0, message.indexOf(':'));
            }
            return "HTTP " + status + (error.isEmpty() ? "" : " " + error);
        }
        catch (JsonProcessingException ex) {
            return "HTTP " + status;
        }
    }
}
