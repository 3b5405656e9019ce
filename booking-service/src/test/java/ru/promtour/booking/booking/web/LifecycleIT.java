package ru.promtour.booking.booking.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.booking.expiry.HoldExpiry;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.octo.OctoSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Confirm, extend, cancel and expiry of OCTO bookings, each transition once, each refusal in OCTO's words. */
class LifecycleIT extends BookingIT {

    @Autowired
    HoldExpiry bookings;

    private String held(Program p, String slotId, String uuid, int adults) {
        Answer answer = reserve(CatalogData.reserve(uuid, p, slotId, adults, 0, 0));
        assertThat(answer.text("status")).as(answer.toString()).isEqualTo("ON_HOLD");
        return answer.text("id");
    }

    @Test
    void confirmOfAnInstantProgramConfirmsOnceWithTheVisitForNotifications() {
        Program p = Program.instant("Asia/Irkutsk");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 2);

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT
                .replace("}}", "},\"resellerReference\":\"SCH-42-2026\",\"unitItems\":[{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Пётр Петров\"}},{\"unitId\":\"adult\"}]}"));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Booking", confirmed.body());
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("utcExpiresAt").isNull()).isTrue();
        assertThat(confirmed.json().path("utcConfirmedAt").isNull()).isFalse();
        assertThat(confirmed.json().path("contact").path("fullName").asString()).isEqualTo("Иванова Мария Петровна");
        assertThat(confirmed.json().path("unitItems").path(0).path("contact").path("fullName").asString()).isEqualTo("Пётр Петров");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingConfirmed.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("visit").path("localStart").asString()).endsWith("+08:00");
        assertThat(event.body().path("visit").path("contact").path("locale").asString()).isEqualTo("ru");
        assertThat(event.body().path("visit").path("visitorsNamed").asInt()).isEqualTo(1);
        // the operator's webhooks deliver octoBooking unchanged: it is what the operator reads over OCTO
        OctoSchemas.assertMatches("Booking", event.body().path("octoBooking").toString());
        assertThat(event.body().path("octoBooking")).isEqualTo(operator.get("/octo/bookings/" + uuid).json());
        assertThat(event.body().path("visit").path("resellerReference").asString()).isEqualTo("SCH-42-2026");
        assertThat(event.body().path("visit").path("operator").path("id").asString()).isEqualTo(operatorId);
        assertThat(event.body().path("visit").path("operator").path("name").asString()).isEqualTo(OPERATOR_NAME);
        assertThat(event.body().path("visit").path("operator").path("email").asString()).isEqualTo(OPERATOR_EMAIL);

        Answer again = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("CONFIRMED");
        cancelAndAwait(uuid, id);
        assertThat(catalog.count(id, "booking.BookingConfirmed.v1")).isEqualTo(1);
    }

    @Test
    void confirmAlsoUnderstandsASingleLocaleAsIssueFiveNamesIt() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 1);

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT
                .replace("\"locales\":[\"ru\"]", "\"locale\":\"en\""));

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("contact").path("locales").path(0).asString()).isEqualTo("en");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingConfirmed.v1");
        assertThat(event.body().path("visit").path("contact").path("locale").asString()).isEqualTo("en");
        cancelAndAwait(uuid, id);
    }

    @Test
    void confirmNeedsTheGroupLeadersContact() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        held(p, slotId, uuid, 1);

        assertConfirmRefused(uuid, null, "contact");
        assertConfirmRefused(uuid, "{\"contact\":{\"emailAddress\":\"a@b.ru\",\"phoneNumber\":\"+79025551234\",\"locales\":[\"ru\"]}}", "contact.fullName");
        assertConfirmRefused(uuid, "{\"contact\":{\"fullName\":\"A\",\"phoneNumber\":\"+79025551234\",\"locales\":[\"ru\"]}}", "contact.emailAddress");
        assertConfirmRefused(uuid, "{\"contact\":{\"fullName\":\"A\",\"emailAddress\":\"nope\",\"phoneNumber\":\"+79025551234\",\"locales\":[\"ru\"]}}", "contact.emailAddress");
        assertConfirmRefused(uuid, CatalogData.CONTACT.replace("}}", "},\"unitItems\":[{\"unitId\":\"adult\"},{\"unitId\":\"adult\"}]}"), "unitItems");
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("ON_HOLD");
    }

    /** One adult held on a new Moscow slot ten days ahead. */
    private record Hold(String uuid, String id) {
    }

    private Hold oneAdultHeld() {
        Program p = Program.instant("Europe/Moscow");
        String uuid = uuid();
        return new Hold(uuid, held(p, slot(p, Duration.ofDays(10), 40), uuid, 1));
    }

    @Test
    void confirmTakesAContactWithoutPhoneOrLocaleAsOctoLeavesThemOptional() {
        Hold hold = oneAdultHeld();
        String uuid = hold.uuid();
        String id = hold.id();

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm",
                "{\"contact\":{\"firstName\":\"Мария\",\"lastName\":\"Иванова\",\"emailAddress\":\"a@b.ru\"}}");

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Booking", confirmed.body());
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("contact").path("phoneNumber").isNull()).isTrue();
        assertThat(confirmed.json().path("contact").path("locales").path(0).asString()).as("the product's locale").isEqualTo("ru");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingConfirmed.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("visit").path("contact").path("phoneNumber").isNull()).isTrue();
        assertThat(event.body().path("visit").path("contact").path("fullName").asString()).isEqualTo("Мария Иванова");
        cancelAndAwait(uuid, id);
    }

    @Test
    void confirmChecksTheUnitItemsBeforeTheContactNamingAnUnknownUnit() {
        String uuid = oneAdultHeld().uuid();

        Answer refused = operator.post("/octo/bookings/" + uuid + "/confirm", "{\"unitItems\":[{\"unitId\":\"senior\"}]}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("INVALID_UNIT_ID");
        assertThat(refused.text("unitId")).isEqualTo("senior");
        OctoSchemas.assertMatches("ErrorInvalidUnitID", refused.body());
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void confirmOfAnOnRequestProgramWaitsForTheEnterpriseWithoutExpiry() {
        Program p = Program.instant("Europe/Kaliningrad").onRequest();
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 3);

        Answer pending = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);

        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.text("status")).isEqualTo("PENDING");
        assertThat(pending.json().path("utcExpiresAt").isNull()).isTrue();
        FakeCatalog.Event event = catalog.await(id, "booking.BookingPendingApproval.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("visit").path("localStart").asString()).endsWith("+02:00");
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT).text("status")).isEqualTo("PENDING");
        clock.advance(Duration.ofHours(2));
        bookings.expireDue(1000);
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("PENDING");
        assertThat(catalog.count(id, "booking.BookingConfirmed.v1")).isZero();
        assertThat(catalog.count(id, "booking.BookingPendingApproval.v1")).isEqualTo(1);
    }

    @Test
    void extendWorksWhileOnHoldUpToTheMaximum() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        held(p, slotId, uuid, 1);

        Answer extended = operator.post("/octo/bookings/" + uuid + "/extend", "{\"expirationMinutes\":45}");
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(Instant.parse(extended.text("utcExpiresAt"))).isCloseTo(Instant.now().plus(Duration.ofMinutes(45)), within(Duration.ofSeconds(30)));
        Answer capped = operator.post("/octo/bookings/" + uuid + "/extend", "{\"expirationMinutes\":600}");
        assertThat(Instant.parse(capped.text("utcExpiresAt"))).isCloseTo(Instant.now().plus(Duration.ofMinutes(60)), within(Duration.ofSeconds(30)));
        assertThat(operator.post("/octo/bookings/" + uuid + "/extend", "{\"expirationMinutes\":0}").text("error")).isEqualTo("BAD_REQUEST");

        operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/extend", "{}");
        assertThat(confirmed.status()).isEqualTo(400);
        assertThat(confirmed.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
    }

    @Test
    void aHoldThatRunsOutIsExpiredByTheSweeperOnceAndCannotBeConfirmedOrExtended() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 2);

        clock.advance(Duration.ofMinutes(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/octo/bookings/" + uuid).text("status"), "EXPIRED"::equals);

        FakeCatalog.Event expired = catalog.await(id, "booking.BookingExpired.v1");
        Contracts.assertMatchesSchema(expired.type(), expired.body().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 0);
        Answer confirm = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirm.status()).isEqualTo(400);
        assertThat(confirm.text("error")).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(confirm.text("uuid")).isEqualTo(uuid);
        assertThat(operator.post("/octo/bookings/" + uuid + "/extend", "{}").text("error")).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(operator.post("/octo/bookings/" + uuid + "/cancel", "{}").text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(bookings.expire(id)).isFalse();
        assertThat(catalog.count(id, "booking.BookingExpired.v1")).isEqualTo(1);
    }

    @Test
    void confirmingARunOutHoldBeforeTheSweeperExpiresItOnTheSpot() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 1);
        clock.advance(Duration.ofMinutes(30));

        Answer confirm = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);

        assertThat(confirm.text("error")).as(confirm.toString()).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(operator.get("/octo/bookings/" + uuid).text("status")).isEqualTo("EXPIRED");
        catalog.await(id, "booking.BookingExpired.v1");
        assertThat(catalog.count(id, "booking.BookingConfirmed.v1")).isZero();
    }

    @Test
    void cancelReleasesOnceWithTheOctoCancellation() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        String id = held(p, slotId, uuid, 2);
        operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);

        Answer cancelled = operator.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"class quarantined\"}");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Booking", cancelled.body());
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellable").asBoolean()).isFalse();
        assertThat(cancelled.json().path("cancellation").path("reason").asString()).isEqualTo("class quarantined");
        assertThat(cancelled.json().path("cancellation").path("refund").asString()).isEqualTo("FULL");
        FakeCatalog.Event event = catalog.await(id, "booking.BookingCancelled.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("cancelledBy").asString()).isEqualTo("OPERATOR");
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 0);
        Answer again = operator.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"again\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("cancellation").path("reason").asString()).isEqualTo("class quarantined");
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT).text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(catalog.count(id, "booking.BookingCancelled.v1")).isEqualTo(1);
    }

    @Test
    void theCancellationCutoffIsCountedInTheEnterprisesZone() {
        Program p = Program.instant("Europe/Kaliningrad").cutoffs(2, 24);
        String slotId = slot(p, Duration.ofHours(30), 40);
        String early = uuid();
        String late = uuid();
        held(p, slotId, early, 1);
        held(p, slotId, late, 1);
        operator.post("/octo/bookings/" + early + "/confirm", CatalogData.CONTACT);
        operator.post("/octo/bookings/" + late + "/confirm", CatalogData.CONTACT);
        assertThat(operator.post("/octo/bookings/" + early + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");

        clock.advance(Duration.ofHours(6).plusMinutes(1));
        Answer get = operator.get("/octo/bookings/" + late);
        Answer refused = operator.post("/octo/bookings/" + late + "/cancel", "{}");

        assertThat(get.json().path("cancellable").asBoolean()).isFalse();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.text("errorMessage")).contains("(+02:00)").contains("Europe/Kaliningrad");
        assertThat(operator.get("/octo/bookings/" + late).text("status")).isEqualTo("CONFIRMED");
    }

    private void cancelAndAwait(String uuid, String id) {
        operator.post("/octo/bookings/" + uuid + "/cancel", "{}");
        catalog.await(id, "booking.BookingCancelled.v1");
    }

    private void assertConfirmRefused(String uuid, String body, String field) {
        Answer answer = operator.post("/octo/bookings/" + uuid + "/confirm", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("BAD_REQUEST");
        assertThat(answer.text("errorMessage")).as(answer.toString()).contains(field);
    }
}
