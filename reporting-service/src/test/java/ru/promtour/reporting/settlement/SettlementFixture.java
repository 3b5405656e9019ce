package ru.promtour.reporting.settlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Criteria;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramFact;
import ru.promtour.reporting.projection.ProjectionStore;
import ru.promtour.reporting.testdata.ReportingKafka;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The settlement tests' helpers: waiting for the projection to hold what was sent, agreements and statements over HTTP. */
final class SettlementFixture {

    private final ReportingKafka kafka;
    private final ProjectionStore store;
    private final TestHttp http;

    SettlementFixture(ReportingKafka kafka, ProjectionStore store, int port) {
        this.kafka = kafka;
        this.store = store;
        this.http = TestHttp.localhost(port);
    }

    static String operatorId() {
        return "op-" + UUID.randomUUID().toString().substring(0, 8);
    }

    TestHttp as(String token) {
        return http.withToken(token);
    }

    /** Waits until every event sent for these bookings is applied, and every program's price lists are in. */
    void awaitProjected(List<ReportingKafka.Booking> bookings, Map<String, Integer> priceListsByProgram) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ReportingKafka.Booking booking : bookings) {
                long sent = kafka.sent().stream().filter(s -> booking.id().equals(s.body().get("bookingId"))).count();
                List<BookingFact> facts = store.current().bookings(Criteria.where("_id").is(booking.id()));
                assertThat(facts).as("booking %s", booking.id()).singleElement()
                        .satisfies(f -> assertThat(f.appliedEvents()).hasSize((int) sent));
            }
            Map<String, ProgramFact> programs = store.current().programs();
            priceListsByProgram.forEach((program, lists) -> assertThat(programs.get(program))
                    .as("program %s", program).isNotNull()
                    .satisfies(p -> assertThat(p.prices()).hasSize(lists)));
        });
    }

    /** Creates an agreement as the admin; returns its id. */
    String agreement(String operatorId, String enterpriseId, String programId, String model, String rate,
                     String effectiveFrom) {
        String json = "{\"operatorId\":\"" + operatorId + "\",\"enterpriseId\":\"" + enterpriseId + "\","
                + (programId == null ? "" : "\"programId\":\"" + programId + "\",") + "\"model\":\"" + model + "\","
                + rate + ",\"currency\":\"RUB\",\"effectiveFrom\":\"" + effectiveFrom + "\"}";
        return as(TestTokens.admin()).post("/api/v1/agreements", json).assertStatus(201).text("id");
    }

    JsonNode statement(String token, String query) {
        return as(token).get("/api/v1/statements?" + query).assertStatus(200).json();
    }

    /** The statement's line of a booking (fails when there is not exactly one). */
    static JsonNode line(JsonNode statement, String bookingId) {
        List<JsonNode> found = lines(statement).stream().filter(l -> bookingId.equals(l.path("bookingId").asString())).toList();
        assertThat(found).as("lines of %s in %s", bookingId, statement).hasSize(1);
        return found.get(0);
    }

    static List<JsonNode> lines(JsonNode statement) {
        return statement.path("groups").valueStream().flatMap(g -> g.path("lines").valueStream()).toList();
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
