package ru.promtour.booking.booking.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.booking.testdata.OctoShape;
import ru.promtour.security.test.TestTokens;
import ru.promtour.test.contracts.Contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reserve over OCTO with the catalog's side played on the real broker: hold, refusals, idempotency, polling. */
class ReserveIT extends BookingIT {

    @Test
    void reserveHoldsSeatsAndAnswersOnHoldInTheOctoShape() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();

        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.octoCapabilities()).isNotNull();
        OctoShape.assertBooking(answer.body());
        assertThat(answer.text("status")).isEqualTo("ON_HOLD");
        assertThat(answer.text("uuid")).isEqualTo(uuid);
        assertThat(answer.text("availabilityId")).isEqualTo(slotId);
        assertThat(answer.text("supplierReference")).matches("PT-[0-9A-Z]{6}");
        assertThat(answer.json().path("unitItems")).hasSize(2);
        assertThat(Instant.parse(answer.text("utcExpiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(Duration.ofSeconds(30)));
        String bookingId = answer.text("id");
        FakeCatalog.Event requested = catalog.await(bookingId, "booking.BookingRequested.v1");
        assertThat(requested.slotId()).as("key = slot id").isEqualTo(slotId);
        Contracts.assertMatchesSchema(requested.type(), requested.body().toString());
        FakeCatalog.Event held = catalog.await(bookingId, "booking.BookingHeld.v1");
        Contracts.assertMatchesSchema(held.type(), held.body().toString());
        assertThat(catalog.taken(slotId)).isEqualTo(2);
    }

    @Test
    void expirationMinutesIsHonouredUpToTheConfiguredMaximum() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);

        Answer shortHold = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0).replace("\"unitItems\"", "\"expirationMinutes\":5,\"unitItems\""));
        Answer longHold = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0).replace("\"unitItems\"", "\"expirationMinutes\":500,\"unitItems\""));

        assertThat(Instant.parse(shortHold.text("utcExpiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(Duration.ofSeconds(30)));
        assertThat(Instant.parse(longHold.text("utcExpiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(60)), within(Duration.ofSeconds(30)));
    }

    @Test
    void soldOutIsRefusedWithUnprocessableEntityNamingTheReasonAndTheBookingIsRejected() {
        Program p = Program.instant("Europe/Moscow");
        // the projection still announces 10 free seats; the catalog has 3: its answer decides
        String slotId = "slot-" + uuid();
        catalog.excursion(p);
        catalog.slotBehindTheCatalog(slotId, p, Instant.now().plus(Duration.ofDays(10)), 10, 3);
        awaitProjection(p.excursionId(), slotId);
        String uuid = uuid();

        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 5, 0, 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(answer.text("errorMessage")).contains("SOLD_OUT");
        Answer stored = operator.get("/octo/bookings/" + uuid);
        assertThat(stored.text("status")).isEqualTo("REJECTED");
        FakeCatalog.Event rejected = catalog.await(stored.text("id"), "booking.BookingRejected.v1");
        Contracts.assertMatchesSchema(rejected.type(), rejected.body().toString());
        assertThat(rejected.body().path("reason").asString()).isEqualTo("SOLD_OUT");
        assertThat(catalog.taken(slotId)).isZero();
    }

    @Test
    void moreUnitsThanTheCatalogAnnouncedFreeAreRefusedAtOnceWithoutABooking() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 3);
        String uuid = uuid();

        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 5, 0, 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(answer.text("errorMessage")).startsWith("SOLD_OUT: not enough free seats (3 left, 5 asked)");
        assertThat(operator.get("/octo/bookings/" + uuid).text("error")).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(mongo.count(query(where("slotId").is(slotId)), Booking.class)).isZero();
        assertThat(catalog.taken(slotId)).isZero();

        Answer fits = reserve(CatalogData.reserve(uuid(), p, slotId, 3, 0, 0));
        assertThat(fits.text("status")).as(fits.toString()).isEqualTo("ON_HOLD");
    }

    @Test
    void aLateAnswerLeavesTheBookingPendingForTheOperatorToPoll() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = "slot-" + uuid();
        catalog.excursion(p);
        catalog.silentSlot(slotId, p, Instant.now().plus(Duration.ofDays(3)), 10);
        awaitProjection(p.excursionId(), slotId);
        String uuid = uuid();

        long started = System.nanoTime();
        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("PENDING");
        OctoShape.assertBooking(answer.body());
        String bookingId = answer.text("id");
        catalog.send(FakeCatalog.SLOTS, "catalog.SeatsHeld.v1", slotId, bookingId, """
                {"slotId":"%s","bookingId":"%s","units":2,"held":2,"confirmed":0,"capacity":10,"available":8,"heldAt":"%s"}"""
                .formatted(slotId, bookingId, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/octo/bookings/" + uuid).text("status"),
                "ON_HOLD"::equals);
    }

    @Test
    void aHundredReplaysOfOneReserveMakeOneBookingAndHoldSeatsOnce() throws Exception {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String body = CatalogData.reserve(uuid(), p, slotId, 3, 0, 0);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Answer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                calls.add(pool.submit(() -> reserve(body)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Answer> call : calls) {
                Answer answer = call.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                ids.add(answer.text("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
            String uuid = BookingApi.JSON.readTree(body).path("uuid").asString();
            assertThat(mongo.count(query(where("operatorId").is(operatorId).and("uuid").is(uuid)), Booking.COLLECTION))
                    .isEqualTo(1);
            catalog.await(ids.get(0), "booking.BookingHeld.v1");
            assertThat(catalog.count(ids.get(0), "booking.BookingRequested.v1")).isEqualTo(1);
            assertThat(catalog.count(ids.get(0), "booking.BookingHeld.v1")).isEqualTo(1);
            assertThat(catalog.taken(slotId)).isEqualTo(3);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameUuidWithADifferentBodyIsABadRequestAndChangesNothing() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        assertThat(reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0)).status()).isEqualTo(200);

        Answer different = reserve(CatalogData.reserve(uuid, p, slotId, 3, 0, 0));

        assertThat(different.status()).isEqualTo(400);
        assertThat(different.text("error")).isEqualTo("BAD_REQUEST");
        assertThat(different.text("errorMessage")).contains(uuid).contains("different reservation");
        assertThat(operator.get("/octo/bookings/" + uuid).json().path("unitItems")).hasSize(2);
    }

    @Test
    void everyInvalidInputIsA400WithTheOctoCodeNamingIt() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        Program other = Program.instant("Europe/Moscow");
        String otherSlot = slot(other, Duration.ofDays(10), 40);
        String good = CatalogData.reserve(uuid(), p, slotId, 2, 0, 0);

        assertRefused(good.replace(p.excursionId(), "exc-nope"), "INVALID_PRODUCT_ID", "productId", "exc-nope");
        assertRefused(good.replace("\"DEFAULT\"", "\"VIP\""), "INVALID_OPTION_ID", "optionId", "VIP");
        assertRefused(good.replace(slotId, "slot-nope"), "INVALID_AVAILABILITY_ID", "availabilityId", "slot-nope");
        assertRefused(good.replace(slotId, otherSlot), "INVALID_AVAILABILITY_ID", "availabilityId", otherSlot);
        assertRefused(good.replaceFirst("\"adult\"", "\"senior\""), "INVALID_UNIT_ID", "unitId", "senior");
        assertRefused(CatalogData.reserve(uuid(), p, slotId, 0, 0, 0), "BAD_REQUEST", null, null);
        assertRefused(good.replace("\"uuid\":\"", "\"uuid\":\"not-a-uuid-"), "BAD_REQUEST", null, null);
        assertRefused(good.replace("\"unitItems\"", "\"expirationMinutes\":0,\"unitItems\""), "BAD_REQUEST", null, null);
        assertRefused(good.replace("\"unitItems\"", "\"expirationMinutes\":\"soon\",\"unitItems\""), "BAD_REQUEST", null, null);
        assertRefused("{\"productId\":", "BAD_REQUEST", null, null);
        assertRefused(CatalogData.reserve(uuid(), p, slotId, 41, 0, 0), "UNPROCESSABLE_ENTITY", null, null);
        assertRefused(CatalogData.reserve(uuid(), p, slotId, 0, 5, 0), "UNPROCESSABLE_ENTITY", null, null);
        Answer ratio = assertRefused(CatalogData.reserve(uuid(), p, slotId, 0, 25, 4), "UNPROCESSABLE_ENTITY", null, null);
        assertThat(ratio.text("errorMessage")).contains("at most 3 accompanying adults");
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 0, 25, 3)).status()).isEqualTo(200);
        assertThat(mongo.count(query(where("operatorId").is(operatorId)), Booking.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aClosedSlotTakesNoBookings() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        catalog.send(FakeCatalog.SLOTS, "catalog.SlotClosed.v1", slotId, slotId,
                CatalogData.slot(slotId, p, Instant.now().plus(Duration.ofDays(10)), 40, 40, "CLOSED", 2, "ремонт"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(slotId, ru.promtour.booking.catalog.SlotView.class).status(),
                "CLOSED"::equals);

        Answer answer = assertRefused(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0), "UNPROCESSABLE_ENTITY", null, null);
        assertThat(answer.text("errorMessage")).contains("CLOSED");
    }

    @Test
    void theBookingCutoffIsCountedInTheEnterprisesZone() {
        Program p = Program.instant("Asia/Irkutsk").cutoffs(2, 24);
        String slotId = slot(p, Duration.ofHours(3), 40);
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(61));
        Answer late = assertRefused(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0), "UNPROCESSABLE_ENTITY", null, null);

        assertThat(late.text("errorMessage")).contains("(+08:00)").contains("Asia/Irkutsk");
    }

    @Test
    void anotherOperatorsBookingIsAnInvalidUuidOnEveryEndpoint() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        Answer mine = reserve(CatalogData.reserve(uuid, p, slotId, 1, 0, 0));
        var stranger = operator.as(TestTokens.operator("op-stranger-" + uuid()));

        for (Answer answer : List.of(stranger.get("/octo/bookings/" + uuid),
                stranger.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT),
                stranger.post("/octo/bookings/" + uuid + "/extend", "{\"expirationMinutes\":10}"),
                stranger.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"x\"}"),
                stranger.patch("/octo/bookings/" + uuid, "{\"notes\":\"x\"}"),
                operator.get("/octo/bookings/" + uuid()))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.text("error")).isEqualTo("INVALID_BOOKING_UUID");
            assertThat(answer.contentType()).startsWith("application/json");
        }
        assertThat(stranger.get("/octo/bookings?supplierReference=" + mine.text("supplierReference")).json()).isEmpty();
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void bookingsAreListedByReferenceAndLocalDate() {
        Program p = Program.instant("Asia/Vladivostok");
        String slotId = slot(p, Duration.ofDays(12), 40);
        Answer made = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)
                .replace("\"unitItems\"", "\"resellerReference\":\"SCH-42\",\"unitItems\""));
        String localDate = made.json().path("availability").path("localDateTimeStart").asString().substring(0, 10);

        assertThat(operator.get("/octo/bookings?supplierReference=" + made.text("supplierReference")).json()).hasSize(1);
        assertThat(operator.get("/octo/bookings?resellerReference=SCH-42").json()).hasSize(1);
        assertThat(operator.get("/octo/bookings?localDate=" + localDate).json()).hasSize(1);
        assertThat(operator.get("/octo/bookings?localDateStart=" + localDate + "&localDateEnd=" + localDate).json()).hasSize(1);
        OctoShape.assertEachBooking(operator.get("/octo/bookings?localDate=" + localDate).body());
        assertThat(operator.get("/octo/bookings/").text("error")).isEqualTo("BAD_REQUEST");
        assertThat(operator.get("/octo/bookings?localDate=tomorrow").text("error")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void repeatedAndLateCatalogAnswersChangeNothing() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String bookingId = reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0)).text("id");
        catalog.await(bookingId, "booking.BookingHeld.v1");
        String held = """
                {"slotId":"%s","bookingId":"%s","units":2,"held":2,"confirmed":0,"capacity":40,"available":38,"heldAt":"%s"}"""
                .formatted(slotId, bookingId, Instant.now());
        String rejected = """
                {"slotId":"%s","bookingId":"%s","units":2,"reason":"SOLD_OUT","available":0,"rejectedAt":"%s"}"""
                .formatted(slotId, bookingId, Instant.now());

        catalog.send(FakeCatalog.SLOTS, "catalog.SeatsHeld.v1", slotId, bookingId, held);
        catalog.send(FakeCatalog.SLOTS, "catalog.SeatsRejected.v1", slotId, bookingId, rejected);
        // a barrier on the same partition: once this later booking is held, the answers above were applied
        String barrier = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("id");
        catalog.await(barrier, "booking.BookingHeld.v1");

        Answer after = operator.get("/octo/bookings/" + uuid);
        assertThat(after.text("status")).isEqualTo("ON_HOLD");
        assertThat(catalog.count(bookingId, "booking.BookingHeld.v1")).isEqualTo(1);
        assertThat(catalog.count(bookingId, "booking.BookingRejected.v1")).isZero();
    }

    private Answer assertRefused(String body, String code, String field, String value) {
        Answer answer = reserve(body);
        assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.text("error")).as(answer.toString()).isEqualTo(code);
        assertThat(answer.text("errorMessage")).isNotBlank();
        if (field != null) {
            assertThat(answer.text(field)).isEqualTo(value);
        }
        return answer;
    }
}
