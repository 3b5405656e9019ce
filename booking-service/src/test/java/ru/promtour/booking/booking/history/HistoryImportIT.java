package ru.promtour.booking.booking.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/v1/bookings/history}: the admin's import of past bookings, with the real broker, store and ledger. */
class HistoryImportIT extends BookingIT {

    private BookingApi admin;
    private Program program;
    private String slotId;
    private Instant start;

    @BeforeEach
    void pastSlot() {
        admin = operator.as(TestTokens.admin());
        program = Program.instant("Europe/Moscow");
        start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        slotId = slotAt(program, start, 30);
    }

    private Answer importing(BookingApi caller, String... bookings) {
        return caller.post("/api/v1/bookings/history", "{\"bookings\":[" + String.join(",", bookings) + "]}");
    }

    /** A school group: {@code children} children and {@code accompanying} accompanying adults. */
    private String visited(String uuid, String slot, int children, int accompanying) {
        return """
                {"uuid":"%s","operatorId":"%s","operatorName":"Байкал-Тур","slotId":"%s",
                 "unitItems":[{"unitId":"child","quantity":%d},{"unitId":"accompanying-adult","quantity":%d}],
                 "resellerReference":"SCH-7","bookedAt":"%s","confirmedAt":"%s","outcome":"VISITED"}"""
                .formatted(uuid, operatorId, slot, children, accompanying, start.minus(Duration.ofDays(30)),
                        start.minus(Duration.ofDays(29)));
    }

    private String adults(String uuid, int adults) {
        return """
                {"uuid":"%s","operatorId":"%s","slotId":"%s","unitItems":[{"unitId":"adult","quantity":%d}],
                 "bookedAt":"%s","confirmedAt":"%s","outcome":"VISITED"}"""
                .formatted(uuid, operatorId, slotId, adults, start.minus(Duration.ofDays(5)), start.minus(Duration.ofDays(5)));
    }

    @Test
    void aVisitedAndACancelledBookingBecomeOrdinaryBookingsWhoseOrdinaryEventsSayImported() {
        String visitedUuid = uuid();
        String cancelledUuid = uuid();
        Instant cancelledAt = start.minus(Duration.ofHours(20));
        String cancelled = """
                {"uuid":"%s","operatorId":"%s","slotId":"%s","unitItems":[{"unitId":"adult","quantity":3}],
                 "bookedAt":"%s","confirmedAt":"%s","outcome":"CANCELLED","cancelledAt":"%s","cancelledBy":"SUPPLIER",
                 "reason":"Группа не набралась"}"""
                .formatted(cancelledUuid, operatorId, slotId, start.minus(Duration.ofDays(3)),
                        start.minus(Duration.ofDays(2)), cancelledAt);

        Answer answer = importing(admin, visited(visitedUuid, slotId, 25, 2), cancelled);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().path("created").asInt()).isEqualTo(2);
        JsonNode first = answer.json().path("bookings").path(0);
        assertThat(first.path("status").asString()).isEqualTo("CREATED");
        assertThat(first.path("supplierReference").asString()).startsWith("PT-");
        String visitedId = first.path("bookingId").asString();
        String cancelledId = answer.json().path("bookings").path(1).path("bookingId").asString();

        Document stored = mongo.findById(visitedId, Document.class, Booking.COLLECTION);
        assertThat(stored.getString("status")).isEqualTo("CONFIRMED");
        assertThat(stored.getBoolean("imported")).isTrue();
        assertThat(mongo.findById(cancelledId, Document.class, Booking.COLLECTION).getString("status")).isEqualTo("CANCELLED");
        // the visited group's seats are sold like any; the cancelled one holds none
        assertThat(ledger(slotId).confirmed()).isEqualTo(27);
        assertThat(ledger(slotId).held()).isZero();

        FakeCatalog.Event confirmedEvent = catalog.await(visitedId, "booking.BookingConfirmed.v1");
        Contracts.assertMatchesSchema(confirmedEvent.type(), confirmedEvent.body().toString());
        JsonNode body = confirmedEvent.body();
        assertThat(body.path("imported").asBoolean()).isTrue();
        assertThat(Instant.parse(body.path("confirmedAt").asString())).isEqualTo(start.minus(Duration.ofDays(29)));
        assertThat(Instant.parse(body.path("visit").path("bookedAt").asString())).isEqualTo(start.minus(Duration.ofDays(30)));
        assertThat(body.path("units").asInt()).isEqualTo(27);
        assertThat(body.path("visit").path("unitItems").path(0).path("quantity").asInt()).isEqualTo(25);
        assertThat(body.path("visit").path("resellerReference").asString()).isEqualTo("SCH-7");
        FakeCatalog.Event sold = catalog.await(visitedId, "booking.SeatsConfirmed.v1");
        Contracts.assertMatchesSchema(sold.type(), sold.body().toString());
        assertThat(sold.body().path("ledger").path("confirmed").asInt()).isEqualTo(27);

        FakeCatalog.Event cancelledConfirmed = catalog.await(cancelledId, "booking.BookingConfirmed.v1");
        assertThat(cancelledConfirmed.body().path("imported").asBoolean()).isTrue();
        FakeCatalog.Event cancelledEvent = catalog.await(cancelledId, "booking.BookingCancelled.v1");
        Contracts.assertMatchesSchema(cancelledEvent.type(), cancelledEvent.body().toString());
        assertThat(cancelledEvent.body().path("imported").asBoolean()).isTrue();
        assertThat(cancelledEvent.body().path("cancelledBy").asString()).isEqualTo("SUPPLIER");
        assertThat(cancelledEvent.body().path("reason").asString()).isEqualTo("Группа не набралась");
        assertThat(Instant.parse(cancelledEvent.body().path("cancelledAt").asString())).isEqualTo(cancelledAt);
        assertThat(Instant.parse(cancelledEvent.body().path("visit").path("bookedAt").asString()))
                .isEqualTo(start.minus(Duration.ofDays(3)));
        assertThat(catalog.of(cancelledId)).noneMatch(e -> e.type().startsWith("booking.Seats"));
    }

    @Test
    void aRepeatedImportAnswersTheStoredBookingAndEmitsNothing() {
        String uuid = uuid();
        Answer first = importing(admin, visited(uuid, slotId, 20, 2));
        String bookingId = first.json().path("bookings").path(0).path("bookingId").asString();

        Answer again = importing(admin, visited(uuid, slotId, 20, 2));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("existing").asInt()).isEqualTo(1);
        assertThat(again.json().path("bookings").path(0).path("status").asString()).isEqualTo("EXISTING");
        assertThat(again.json().path("bookings").path(0).path("bookingId").asString()).isEqualTo(bookingId);
        assertThat(ledger(slotId).confirmed()).isEqualTo(22);
        // a later booking of the same slot (same key, same partition) is seen after anything the repeat could emit
        String later = importing(admin, adults(uuid(), 2)).json().path("bookings").path(0).path("bookingId").asString();
        catalog.await(later, "booking.BookingConfirmed.v1");
        assertThat(catalog.count(bookingId, "booking.BookingConfirmed.v1")).isEqualTo(1);
        assertThat(catalog.count(bookingId, "booking.SeatsConfirmed.v1")).isEqualTo(1);
    }

    @Test
    void importsNeverTakeASlotOverItsCapacity() {
        importing(admin, adults(uuid(), 20));

        Answer tooMany = importing(admin, adults(uuid(), 8), adults(uuid(), 5));

        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(fields(tooMany)).containsExactly("bookings[1].unitItems");
        assertThat(ledger(slotId).confirmed()).as("nothing of a refused call is written").isEqualTo(20);

        // two imports racing for the last 10 seats: the ledger's conditional write lets exactly one through
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Answer>> racing = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> importing(admin, adults(uuid(), 8)), pool)).toList();
            List<String> outcomes = racing.stream().map(CompletableFuture::join)
                    .map(a -> a.status() == 400 ? "400" : a.json().path("bookings").path(0).path("status").asString())
                    .toList();
            assertThat(outcomes).containsExactlyInAnyOrder("CREATED", outcomes.contains("400") ? "400" : "REFUSED");
        }
        finally {
            pool.shutdown();
        }
        assertThat(ledger(slotId).confirmed()).isEqualTo(28);
    }

    @Test
    void theLedgersPastSaleIsAtomicUnderContention() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<SeatLedger.PastSaleResult> results = IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> seats.sellPast(slotId, "b-" + i, 4, Instant.now()).result(), pool))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(results.stream().filter(r -> r == SeatLedger.PastSaleResult.SOLD).count()).isEqualTo(7);
            assertThat(results).containsOnly(SeatLedger.PastSaleResult.SOLD, SeatLedger.PastSaleResult.SOLD_OUT);
        }
        finally {
            pool.shutdown();
        }
        assertThat(ledger(slotId).confirmed()).isEqualTo(28);
        assertThat(seats.sellPast(slotId, "b-0", 4, Instant.now()).result()).isEqualTo(SeatLedger.PastSaleResult.ALREADY);
    }

    @Test
    void aPastSlotsLedgerOpensHarmlesslyAndTakesNoLiveReserve() {
        assertThat(ledger(slotId).cutoffAt()).isBefore(Instant.now());

        Answer reserved = reserve(CatalogData.reserve(uuid(), program, slotId, 2, 0, 0));

        assertThat(reserved.status()).as(reserved.toString()).isBetween(400, 499);
        assertThat(ledger(slotId).held()).isZero();
        assertThat(ledger(slotId).confirmed()).isZero();
        // and the ledger's past sale refuses a slot still to come
        String future = slot(program, Duration.ofDays(3), 30);
        assertThat(seats.sellPast(future, "b-1", 2, Instant.now()).result()).isEqualTo(SeatLedger.PastSaleResult.NOT_STARTED);
    }

    @Test
    void aLiveBookingsEventsCarryBookedAtAndAreNotMarkedImported() {
        String future = slot(program, Duration.ofDays(3), 30);
        String uuid = uuid();
        Instant before = Instant.now();
        String id = reserve(CatalogData.reserve(uuid, program, future, 2, 0, 0)).text("id");
        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        FakeCatalog.Event event = catalog.await(id, "booking.BookingConfirmed.v1");

        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().has("imported")).isFalse();
        assertThat(Instant.parse(event.body().path("visit").path("bookedAt").asString())).isBetween(before, Instant.now());
    }

    @Test
    void onlyTheAdminImports() {
        Answer byOperator = importing(operator, visited(uuid(), slotId, 10, 1));
        Answer byEnterprise = importing(operator.as(TestTokens.enterprise(program.enterpriseId())), visited(uuid(), slotId, 10, 1));

        assertThat(byOperator.status()).as(byOperator.toString()).isEqualTo(403);
        assertThat(byOperator.contentType()).contains("application/problem+json");
        assertThat(byEnterprise.status()).as(byEnterprise.toString()).isEqualTo(403);
        assertThat(ledger(slotId).confirmed()).isZero();
    }

    @Test
    void invalidBookingsAreA400NamingEachFieldAndNothingIsWritten() {
        String future = slot(program, Duration.ofDays(3), 30);
        String valid = visited(uuid(), slotId, 10, 1);
        assertFields(importing(admin, valid, visited(uuid(), future, 10, 1)), "bookings[1].slotId");
        assertFields(importing(admin, visited(uuid(), "slot-unknown", 10, 1)), "bookings[0].slotId");
        assertFields(importing(admin, valid.replace("\"accompanying-adult\"", "\"pensioner\"")), "bookings[0].unitItems[1].unitId");
        assertFields(importing(admin, visited(uuid(), slotId, 0, 1)), "bookings[0].unitItems[0].quantity");
        // children travel with an adult; 10 children allow one free accompanying adult per 10
        assertFields(importing(admin, valid.replace(",{\"unitId\":\"accompanying-adult\",\"quantity\":1}", "")), "bookings[0].unitItems");
        assertFields(importing(admin, visited(uuid(), slotId, 10, 2)), "bookings[0].unitItems");
        assertFields(importing(admin, valid.replace("\"confirmedAt\":\"" + start.minus(Duration.ofDays(29)),
                "\"confirmedAt\":\"" + start.minus(Duration.ofDays(31)))), "bookings[0].confirmedAt");
        assertFields(importing(admin, valid.replace("\"confirmedAt\":\"" + start.minus(Duration.ofDays(29)),
                "\"confirmedAt\":\"" + start.plus(Duration.ofHours(1)))), "bookings[0].confirmedAt");
        assertFields(importing(admin, valid.replace("\"VISITED\"", "\"CANCELLED\"")), "bookings[0].cancelledAt", "bookings[0].cancelledBy");
        assertFields(importing(admin, valid.replace("\"VISITED\"", "\"NO_SHOW\"")), "bookings[0].outcome");
        assertFields(importing(admin, valid.replace("\"uuid\":\"", "\"uuid\":\"x")), "bookings[0].uuid");
        String uuid = uuid();
        assertFields(importing(admin, visited(uuid, slotId, 10, 1), visited(uuid, slotId, 10, 1)), "bookings[1].uuid");
        assertFields(importing(admin), "bookings");
        String tooMany = IntStream.range(0, 501).mapToObj(i -> visited(uuid(), slotId, 1, 1)).collect(Collectors.joining(","));
        assertFields(importing(admin, tooMany), "bookings");
        assertFields(admin.post("/api/v1/bookings/history", "{\"bookings\":"), "body");

        assertThat(ledger(slotId).confirmed()).isZero();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> catalog.all().stream()
                .noneMatch(e -> e.type().equals("booking.BookingConfirmed.v1")));
    }

    private static List<String> fields(Answer answer) {
        return answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static void assertFields(Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(fields(answer)).as(answer.toString()).contains(fields);
    }
}
