package ru.promtour.booking.booking.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.octo.OctoSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day of an opening-hours program is a slot like any other for the seat ledger (one entry for the date, its start
 * the first opening time): reserve, confirm and cancel work unchanged, and the OCTO booking shows the whole local date
 * with its opening hours.
 */
class DaySlotIT extends BookingIT {

    @Test
    void aDayIsReservedConfirmedAndCancelledLikeASlotAndShownAllDay() {
        Program p = Program.instant("Asia/Irkutsk");
        ZoneId zone = ZoneId.of(p.timeZone());
        LocalDate date = LocalDate.now(zone).plusDays(5);
        Instant start = date.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
        String slotId = "day-" + p.excursionId() + "-" + date;
        catalog.excursion(p);
        String published = CatalogData.slot(slotId, p, start, 300, 300, "OPEN", 1, null);
        catalog.send(FakeCatalog.SLOTS, "catalog.SlotPublished.v1", slotId, slotId,
                published.substring(0, published.length() - 1)
                        + ",\"allDay\":true,\"openingHours\":[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]}");
        awaitProjection(p.excursionId(), slotId);

        String uuid = UUID.randomUUID().toString();
        Answer held = reserve(CatalogData.reserve(uuid, p, slotId, 3, 0, 0));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("status")).isEqualTo("ON_HOLD");
        assertThat(taken(slotId)).isEqualTo(3);
        OctoSchemas.assertMatches("Booking", held.body());
        assertThat(held.json().path("availabilityId").asString()).isEqualTo(slotId);
        assertThat(held.json().path("availability").path("allDay").asBoolean()).isTrue();
        assertThat(held.json().path("availability").path("localDateTimeStart").asString()).isEqualTo(date + "T00:00:00+08:00");
        assertThat(held.json().path("availability").path("localDateTimeEnd").asString()).isEqualTo(date.plusDays(1) + "T00:00:00+08:00");
        assertThat(held.json().path("availability").path("openingHours").toString())
                .isEqualTo("[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]");
        assertThat(Instant.parse(held.json().path("availability").path("utcCutoffAt").asString()))
                .isEqualTo(start.minus(Duration.ofHours(p.bookingCutoffHours())).truncatedTo(ChronoUnit.SECONDS));

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(ledger(slotId).confirmed()).isEqualTo(3);
        assertThat(ledger(slotId).held()).isZero();

        Answer cancelled = operator.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"Группа не едет\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10)).until(() -> taken(slotId) == 0);
        assertThat(ledger(slotId).capacity()).isEqualTo(300);
    }
}
