package ru.promtour.booking.booking.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
import static org.awaitility.Awaitility.await;

/** Supplier cancellation, PATCH (resize saga), and the enterprise's approve / decline. */
class ChangesIT extends BookingIT {

    private String confirmed(Program p, String slotId, String uuid, int adults) {
        Answer held = reserve(CatalogData.reserve(uuid, p, slotId, adults, 0, 0));
        assertThat(held.text("status")).as(held.toString()).isEqualTo("ON_HOLD");
        Answer done = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return held.text("id");
    }

    private static String items(int adults) {
        return ("{\"unitId\":\"adult\"},".repeat(adults)).replaceAll(",$", "");
    }

    @Test
    void aCancelledSlotCancelsEveryLiveBookingOnItAsTheSupplier() {
        Program p = Program.instant("Asia/Irkutsk");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String confirmedUuid = uuid();
        String heldUuid = uuid();
        String confirmedId = confirmed(p, slotId, confirmedUuid, 2);
        String heldId = reserve(CatalogData.reserve(heldUuid, p, slotId, 1, 0, 0)).text("id");

        String requestId = UUID.randomUUID().toString();
        String cancel = CatalogData.changeRequest(slotId, requestId, "CANCEL", null, "Авария на линии");
        catalog.sendWithId(requestId, FakeCatalog.SLOTS, "catalog.SlotChangeRequested.v1", slotId, slotId, cancel);
        catalog.sendWithId(requestId, FakeCatalog.SLOTS, "catalog.SlotChangeRequested.v1", slotId, slotId, cancel);

        for (String uuid : List.of(confirmedUuid, heldUuid)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/octo/bookings/" + uuid).text("status"),
                    "CANCELLED"::equals);
            assertThat(operator.get("/octo/bookings/" + uuid).json().path("cancellation").path("reason").asString())
                    .startsWith("Supplier cancellation").contains("Авария");
        }
        FakeCatalog.Event event = catalog.await(confirmedId, "booking.BookingCancelled.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("cancelledBy").asString()).isEqualTo("SUPPLIER");
        catalog.await(heldId, "booking.BookingCancelled.v1");
        FakeCatalog.Event answer = catalog.answer(requestId);
        assertThat(answer.type()).isEqualTo("booking.SlotChangeApplied.v1");
        Contracts.assertMatchesSchema(answer.type(), answer.body().toString());
        assertThat(answer.body().path("affectedBookingIds")).extracting(n -> n.asString())
                .containsExactlyInAnyOrder(confirmedId, heldId);
        // the barrier: a later request on the same slot is refused, so both copies of the request were applied
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("errorMessage")).startsWith("SLOT_CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 0);
        assertThat(catalog.count(confirmedId, "booking.BookingCancelled.v1")).isEqualTo(1);
        assertThat(catalog.count(heldId, "booking.BookingCancelled.v1")).isEqualTo(1);
        assertThat(catalog.count(confirmedId, "booking.SeatsReleased.v1")).isEqualTo(1);
        assertThat(ledger(slotId).answered()).containsOnlyOnce(requestId);
    }

    @Test
    void moreUnitsAreHeldInTheLedgerBeforeTheBookingGrows() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 5);
        String uuid = uuid();
        String id = confirmed(p, slotId, uuid, 2);

        Answer grown = operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[" + items(4) + "]}");

        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Booking", grown.body());
        assertThat(grown.json().path("unitItems")).hasSize(4);
        assertThat(grown.text("status")).isEqualTo("CONFIRMED");
        FakeCatalog.Event resize = await().atMost(Duration.ofSeconds(20)).until(() -> catalog.of(id).stream()
                .filter(e -> e.type().equals("booking.SeatsHeld.v1") && "RESIZED".equals(e.body().path("cause").asString()))
                .findFirst().orElse(null), e -> e != null);
        assertThat(resize.body().path("units").asInt()).as("the growth").isEqualTo(2);
        Contracts.assertMatchesSchema(resize.type(), resize.body().toString());
        FakeCatalog.Event updated = catalog.await(id, "booking.BookingUpdated.v1");
        Contracts.assertMatchesSchema(updated.type(), updated.body().toString());
        assertThat(updated.body().path("previousUnits").asInt()).isEqualTo(2);
        assertThat(taken(slotId)).isEqualTo(4);

        Answer soldOut = operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[" + items(6) + "]}");
        assertThat(soldOut.status()).as(soldOut.toString()).isEqualTo(400);
        assertThat(soldOut.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(operator.get("/octo/bookings/" + uuid).json().path("unitItems")).hasSize(4);
        assertThat(taken(slotId)).isEqualTo(4);
    }

    @Test
    void fewerUnitsReleaseTheDifferenceAndContactIsEditable() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String uuid = uuid();
        String id = confirmed(p, slotId, uuid, 4);

        Answer shrunk = operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[" + items(3) + "],"
                + "\"contact\":{\"fullName\":\"Сидоров Иван\",\"emailAddress\":\"i@school.ru\",\"phoneNumber\":\"+79025551234\",\"locales\":[\"ru\"]}}");

        assertThat(shrunk.status()).as(shrunk.toString()).isEqualTo(200);
        assertThat(shrunk.json().path("unitItems")).hasSize(3);
        assertThat(shrunk.json().path("contact").path("fullName").asString()).isEqualTo("Сидоров Иван");
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 3);
        FakeCatalog.Event updated = catalog.await(id, "booking.BookingUpdated.v1");
        assertThat(updated.body().path("changes")).extracting(n -> n.asString()).contains("UNITS", "CONTACT", "VISITORS");
        assertThat(operator.patch("/octo/bookings/" + uuid, "{\"availabilityId\":\"slot-elsewhere\"}").text("error"))
                .isEqualTo("INVALID_AVAILABILITY_ID");
        assertThat(operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[{\"unitId\":\"senior\"}]}").text("error"))
                .isEqualTo("INVALID_UNIT_ID");
        assertThat(operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[]}").text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
    }

    @Test
    void aHeldAndAConfirmedBookingMoveToAnotherAvailabilityOfTheirProduct() {
        Program p = Program.instant("Asia/Irkutsk");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String laterSlot = slot(p, Duration.ofDays(11), 10);
        String fullSlot = slot(p, Duration.ofDays(12), 2);
        String confirmedUuid = uuid();
        String confirmedId = confirmed(p, slotId, confirmedUuid, 3);
        String heldUuid = uuid();
        String heldId = reserve(CatalogData.reserve(heldUuid, p, slotId, 2, 0, 0)).text("id");
        String fillerUuid = uuid();
        reserve(CatalogData.reserve(fillerUuid, p, fullSlot, 2, 0, 0));
        assertThat(taken(slotId)).isEqualTo(5);

        Answer full = operator.patch("/octo/bookings/" + confirmedUuid, "{\"availabilityId\":\"" + fullSlot + "\"}");
        assertThat(full.status()).as(full.toString()).isEqualTo(400);
        assertThat(full.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(full.text("errorMessage")).startsWith("SOLD_OUT");
        assertThat(operator.get("/octo/bookings/" + confirmedUuid).text("availabilityId")).isEqualTo(slotId);
        assertThat(ledger(slotId).sale(confirmedId)).isPresent();
        assertThat(ledger(fullSlot).placed(confirmedId)).isEmpty();
        assertThat(taken(fullSlot)).isEqualTo(2);

        Answer moved = operator.patch("/octo/bookings/" + confirmedUuid, "{\"availabilityId\":\"" + laterSlot
                + "\",\"notes\":\"На день позже\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Booking", moved.body());
        assertThat(moved.text("status")).isEqualTo("CONFIRMED");
        assertThat(moved.text("availabilityId")).isEqualTo(laterSlot);
        assertThat(moved.json().path("availability").path("id").asString()).isEqualTo(laterSlot);
        assertThat(moved.text("notes")).isEqualTo("На день позже");
        assertThat(operator.get("/octo/bookings/" + confirmedUuid).text("availabilityId")).isEqualTo(laterSlot);
        assertThat(ledger(laterSlot).sale(confirmedId)).as("sold on the new slot").map(e -> e.units()).contains(3);
        assertThat(ledger(slotId).placed(confirmedId)).as("the old slot freed").isEmpty();
        assertThat(taken(slotId)).isEqualTo(2);
        FakeCatalog.Event updated = catalog.await(confirmedId, "booking.BookingUpdated.v1");
        Contracts.assertMatchesSchema(updated.type(), updated.body().toString());
        assertThat(updated.body().path("changes")).extracting(n -> n.asString()).containsExactlyInAnyOrder("AVAILABILITY", "NOTES");
        assertThat(updated.body().path("slotId").asString()).isEqualTo(laterSlot);
        assertThat(updated.body().path("previousSlotId").asString()).isEqualTo(slotId);
        FakeCatalog.Event released = await().atMost(Duration.ofSeconds(20)).until(() -> catalog.of(confirmedId).stream()
                .filter(e -> e.type().equals("booking.SeatsReleased.v1")).findFirst().orElse(null), e -> e != null);
        Contracts.assertMatchesSchema(released.type(), released.body().toString());
        assertThat(released.body().path("cause").asString()).isEqualTo("MOVED");
        assertThat(released.body().path("slotId").asString()).isEqualTo(slotId);
        FakeCatalog.Event heldThere = await().atMost(Duration.ofSeconds(20)).until(() -> catalog.of(confirmedId).stream()
                .filter(e -> e.type().equals("booking.SeatsHeld.v1") && "MOVED".equals(e.body().path("cause").asString()))
                .findFirst().orElse(null), e -> e != null);
        Contracts.assertMatchesSchema(heldThere.type(), heldThere.body().toString());

        Answer heldMoved = operator.patch("/octo/bookings/" + heldUuid, "{\"availabilityId\":\"" + laterSlot + "\"}");
        assertThat(heldMoved.status()).as(heldMoved.toString()).isEqualTo(200);
        assertThat(heldMoved.text("status")).isEqualTo("ON_HOLD");
        assertThat(heldMoved.text("availabilityId")).isEqualTo(laterSlot);
        assertThat(ledger(laterSlot).hold(heldId)).as("held on the new slot").map(e -> e.units()).contains(2);
        assertThat(ledger(slotId).placed(heldId)).isEmpty();
        assertThat(taken(slotId)).isZero();
        assertThat(taken(laterSlot)).isEqualTo(5);
        Contracts.assertMatchesSchema("booking.BookingUpdated.v1",
                catalog.await(heldId, "booking.BookingUpdated.v1").body().toString());

        // and back: a booking that left a slot may return to it
        Answer back = operator.patch("/octo/bookings/" + heldUuid, "{\"availabilityId\":\"" + slotId + "\"}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(ledger(slotId).hold(heldId)).isPresent();
        assertThat(ledger(laterSlot).placed(heldId)).isEmpty();
        Answer confirmedAfterMove = operator.post("/octo/bookings/" + heldUuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmedAfterMove.status()).as(confirmedAfterMove.toString()).isEqualTo(200);
        assertThat(ledger(slotId).sale(heldId)).isPresent();
        assertThat(taken(slotId)).isEqualTo(2);
        assertThat(taken(laterSlot)).isEqualTo(3);
    }

    @Test
    void aBookingStaysOnItsProductAndOptionNamingUnknownIdsAsOctoDoes() {
        Program p = Program.instant("Asia/Irkutsk");
        Program other = Program.instant("Asia/Irkutsk");
        String uuid = uuid();
        String slotId = slot(p, Duration.ofDays(10), 40);
        confirmed(p, slotId, uuid, 2);
        String otherSlot = slot(other, Duration.ofDays(10), 40);

        assertUpdateRefused(uuid, "{\"availabilityId\":\"" + otherSlot + "\"}", "INVALID_AVAILABILITY_ID", "availabilityId", otherSlot);
        assertUpdateRefused(uuid, "{\"productId\":\"" + other.excursionId() + "\"}", "UNPROCESSABLE_ENTITY", null, null);
        assertUpdateRefused(uuid, "{\"productId\":\"exc-nope\"}", "INVALID_PRODUCT_ID", "productId", "exc-nope");
        assertUpdateRefused(uuid, "{\"optionId\":\"VIP\"}", "INVALID_OPTION_ID", "optionId", "VIP");
        Answer same = operator.patch("/octo/bookings/" + uuid, "{\"productId\":\"" + p.excursionId()
                + "\",\"optionId\":\"DEFAULT\",\"availabilityId\":\"" + slotId + "\",\"notes\":\"Без изменений даты\"}");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.text("availabilityId")).isEqualTo(slotId);
        assertThat(same.text("notes")).isEqualTo("Без изменений даты");
    }

    private void assertUpdateRefused(String uuid, String body, String code, String field, String value) {
        Answer answer = operator.patch("/octo/bookings/" + uuid, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).as(answer.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(answer.text(field)).isEqualTo(value);
        }
    }

    @Test
    void noUpdateAfterTheCancellationCutoff() {
        Program p = Program.instant("Asia/Irkutsk").cutoffs(2, 24);
        String slotId = slot(p, Duration.ofHours(30), 10);
        String uuid = uuid();
        confirmed(p, slotId, uuid, 2);
        clock.advance(Duration.ofHours(7));

        Answer late = operator.patch("/octo/bookings/" + uuid, "{\"notes\":\"позже\"}");

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(operator.get("/octo/bookings/" + uuid).json().path("notes").isNull()).isTrue();
    }

    @Test
    void theOwningEnterpriseApprovesAGroupAtAnOnRequestSiteOnce() {
        Program p = Program.instant("Europe/Kaliningrad").onRequest();
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = confirmed(p, slotId, uuid, 3);
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));
        BookingApi stranger = operator.as(TestTokens.enterprise("ent-stranger"));

        Answer pending = enterprise.get("/api/v1/bookings?status=PENDING&slotId=" + slotId);
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json()).hasSize(1);
        assertThat(pending.json().path(0).path("awaitingApproval").asBoolean()).isTrue();
        assertThat(stranger.get("/api/v1/bookings?slotId=" + slotId).json()).isEmpty();
        for (Answer foreign : List.of(stranger.get("/api/v1/bookings/" + id), stranger.post("/api/v1/bookings/" + id + "/approve", null),
                stranger.post("/api/v1/bookings/" + id + "/decline", "{\"reason\":\"x\"}"))) {
            assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
            assertThat(foreign.contentType()).startsWith("application/problem+json");
        }
        assertThat(enterprise.get("/api/v1/bookings?status=NOPE").status()).isEqualTo(400);

        Answer approved = enterprise.post("/api/v1/bookings/" + id + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("CONFIRMED");
        assertThat(enterprise.post("/api/v1/bookings/" + id + "/approve", null).text("status")).isEqualTo("CONFIRMED");
        assertThat(enterprise.post("/api/v1/bookings/" + id + "/decline", "{}").status()).isEqualTo(409);
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("CONFIRMED");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingApproved.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        cancelAndBarrier(uuid, id);
        assertThat(catalog.count(id, "booking.BookingApproved.v1")).isEqualTo(1);
    }

    @Test
    void theOwningEnterpriseDeclinesAGroupAndTheSeatsGoBack() {
        Program p = Program.instant("Europe/Moscow").onRequest();
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = confirmed(p, slotId, uuid, 3);
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));

        Answer declined = enterprise.post("/api/v1/bookings/" + id + "/decline", "{\"reason\":\"группа слишком большая\"}");

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("REJECTED");
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("REJECTED");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingDeclined.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("reason").asString()).isEqualTo("группа слишком большая");
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 0);
        assertThat(enterprise.post("/api/v1/bookings/" + id + "/decline", "{}").status()).isEqualTo(200);
        assertThat(enterprise.post("/api/v1/bookings/" + id + "/approve", null).status()).isEqualTo(409);
        assertThat(catalog.count(id, "booking.BookingDeclined.v1")).isEqualTo(1);
    }

    private void cancelAndBarrier(String uuid, String id) {
        operator.post("/octo/bookings/" + uuid + "/cancel", "{}");
        catalog.await(id, "booking.BookingCancelled.v1");
    }
}
