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
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.octo.OctoSchemas;
import ru.promtour.test.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reserve over OCTO, decided by the seat ledger at once: hold, refusals, idempotency, the events it publishes. */
class ReserveIT extends BookingIT {

    @Test
    void reserveHoldsSeatsAndAnswersOnHoldInTheOctoShape() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();

        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.octoCapabilities()).isNotNull();
        OctoSchemas.assertMatches("Booking", answer.body());
        assertThat(answer.text("status")).isEqualTo("ON_HOLD");
        assertThat(answer.text("uuid")).isEqualTo(uuid);
        assertThat(answer.text("availabilityId")).isEqualTo(slotId);
        assertThat(answer.text("supplierReference")).matches("PT-[0-9A-Z]{6}");
        assertThat(answer.json().path("unitItems")).hasSize(2);
        // VOUCHER is the delivery method: the voucher is there from the hold on, a QR code of the supplier reference
        assertThat(answer.json().path("deliveryMethods")).extracting(n -> n.asString()).containsExactly("VOUCHER");
        assertThat(answer.json().path("voucher").path("redemptionMethod").asString()).isEqualTo("MANIFEST");
        assertThat(answer.json().path("voucher").path("deliveryOptions").path(0).path("deliveryFormat").asString()).isEqualTo("QRCODE");
        assertThat(answer.json().path("voucher").path("deliveryOptions").path(0).path("deliveryValue").asString())
                .isEqualTo(answer.text("supplierReference"));
        assertThat(answer.json().path("unitItems").path(0).path("ticket").isNull()).as("no per-unit tickets").isTrue();
        // UTC times: seconds or exactly three fraction digits, the same in the answer and in a later GET
        assertThat(answer.text("utcCreatedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(operator.get("/octo/bookings/" + uuid).text("utcCreatedAt")).isEqualTo(answer.text("utcCreatedAt"));
        assertThat(Instant.parse(answer.text("utcExpiresAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(30)), within(Duration.ofSeconds(30)));
        String bookingId = answer.text("id");
        assertThat(ledger(slotId).hold(bookingId)).as("held in the ledger before the answer")
                .hasValueSatisfying(e -> assertThat(e.units()).isEqualTo(2));
        assertThat(taken(slotId)).isEqualTo(2);
        FakeCatalog.Event held = catalog.await(bookingId, "booking.SeatsHeld.v1");
        assertThat(held.slotId()).as("key = slot id").isEqualTo(slotId);
        Contracts.assertMatchesSchema(held.type(), held.body().toString());
        assertThat(held.body().path("ledger").path("held").asInt()).isEqualTo(2);
        assertThat(held.body().path("ledger").path("available").asInt()).isEqualTo(38);
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
    void moreUnitsThanTheLedgerHasFreeAreRefusedAtOnceWithNothingStored() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 3);
        String uuid = uuid();

        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, 5, 0, 0));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(answer.text("errorMessage")).startsWith("SOLD_OUT: not enough free seats (3 left, 5 asked)");
        assertThat(operator.get("/octo/bookings/" + uuid).text("error")).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(mongo.count(query(where("slotId").is(slotId)), Booking.COLLECTION)).isZero();
        assertThat(taken(slotId)).isZero();

        Answer fits = reserve(CatalogData.reserve(uuid(), p, slotId, 3, 0, 0));
        assertThat(fits.text("status")).as(fits.toString()).isEqualTo("ON_HOLD");
    }

    @Test
    void onceASlotIsFullTheNextReserveIsSoldOutAtOnceAReplayStillGetsItsBookingAndAReleaseOpensItAgain() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 3);
        String uuid = uuid();
        String body = CatalogData.reserve(uuid, p, slotId, 3, 0, 0);
        assertThat(reserve(body).text("status")).isEqualTo("ON_HOLD");

        Answer soldOut = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0));
        assertThat(soldOut.text("errorMessage")).startsWith("SOLD_OUT");
        Answer replay = reserve(body);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.text("status")).isEqualTo("ON_HOLD");
        assertThat(replay.text("uuid")).isEqualTo(uuid);

        assertThat(operator.post("/octo/bookings/" + uuid + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("status")).isEqualTo("ON_HOLD");
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
            assertThat(taken(slotId)).isEqualTo(3);
            // a later reserve's event on the same slot is the barrier: every event of the replays was published
            String later = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("id");
            catalog.await(later, "booking.SeatsHeld.v1");
            assertThat(catalog.count(ids.get(0), "booking.SeatsHeld.v1")).isEqualTo(1);
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
        // OCTO: a well-formed reserve without units is UNPROCESSABLE_ENTITY, not BAD_REQUEST
        assertRefused(CatalogData.reserve(uuid(), p, slotId, 0, 0, 0), "UNPROCESSABLE_ENTITY", null, null);
        assertRefused(good.replaceFirst(",\"unitItems\":\\[.*]", ""), "UNPROCESSABLE_ENTITY", null, null);
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
    void namesDocumentNumbersPhonesAndBirthDatesAreCheckedNamingTheField() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String good = CatalogData.reserve(uuid(), p, slotId, 1, 0, 0);
        String leader = "\"contact\":{\"fullName\":\"%s\",\"phoneNumber\":\"%s\"},\"unitItems\"";
        String visitor = "{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"%s\",\"phoneNumber\":\"%s\"},"
                + "\"visitor\":{\"documentType\":\"PASSPORT\",\"documentNumber\":\"%s\",\"birthDate\":\"%s\"}}";

        String[][] refused = {
            {good.replace("\"unitItems\"", leader.formatted("=HYPERLINK(\\\"http://x\\\")", "+79025551234")), "contact.fullName"},
            {good.replace("\"unitItems\"", leader.formatted("Иванова Мария", "8 (902) 555-12-34")), "contact.phoneNumber"},
            {good.replace("{\"unitId\":\"adult\"}", visitor.formatted("Петров\\nПётр", "+79025551234", "2514 123456", "1980-05-01")),
                "unitItems[0].contact.fullName"},
            {good.replace("{\"unitId\":\"adult\"}", visitor.formatted("Петров Пётр", "+7", "2514 123456", "1980-05-01")),
                "unitItems[0].contact.phoneNumber"},
            {good.replace("{\"unitId\":\"adult\"}", visitor.formatted("Петров Пётр", "+79025551234", "\\t=cmd", "1980-05-01")),
                "unitItems[0].visitor.documentNumber"},
            {good.replace("{\"unitId\":\"adult\"}", visitor.formatted("Петров Пётр", "+79025551234", "2514 123456", "9999-01-01")),
                "unitItems[0].visitor.birthDate"},
            {good.replace("{\"unitId\":\"adult\"}", visitor.formatted("Петров Пётр", "+79025551234", "2514 123456", "1850-01-01")),
                "unitItems[0].visitor.birthDate"}};
        for (String[] bad : refused) {
            Answer answer = assertRefused(bad[0], "BAD_REQUEST", null, null);
            assertThat(answer.text("errorMessage")).as(bad[0]).startsWith(bad[1] + " ");
        }
        assertThat(mongo.count(query(where("operatorId").is(operatorId)), Booking.COLLECTION)).isZero();

        String fine = good.replace("\"unitItems\"", leader.formatted("Anne-Marie O’Neil", "+79025551234"))
                .replace("{\"unitId\":\"adult\"}", visitor.formatted("Салтыков-Щедрин М. Е.", "+4930123456", "IV-СТ 123456", "1980-05-01"));
        Answer ok = reserve(fine);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("unitItems").path(0).path("visitor").path("documentNumber").asString()).isEqualTo("IV-СТ 123456");
    }

    @Test
    void aClosedSlotTakesNoBookings() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String requestId = catalog.change(slotId, "CLOSE", null, "ремонт");
        assertThat(catalog.answer(requestId).type()).isEqualTo("booking.SlotChangeApplied.v1");

        Answer answer = assertRefused(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0), "UNPROCESSABLE_ENTITY", null, null);
        assertThat(answer.text("errorMessage")).startsWith("SLOT_CLOSED").contains("CLOSED");

        String reopened = catalog.change(slotId, "REOPEN", null, null);
        assertThat(catalog.answer(reopened).type()).isEqualTo("booking.SlotChangeApplied.v1");
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("status")).isEqualTo("ON_HOLD");
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
        OctoSchemas.assertEachMatches("Booking", operator.get("/octo/bookings?localDate=" + localDate).body());
        assertThat(operator.get("/octo/bookings/").text("error")).isEqualTo("BAD_REQUEST");
        assertThat(operator.get("/octo/bookings?localDate=tomorrow").text("error")).isEqualTo("BAD_REQUEST");
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
