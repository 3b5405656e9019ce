package ru.promtour.notification.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventDeserializer;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.contracts.Contracts;

import static org.assertj.core.api.Assertions.assertThat;

/** This service reads every contract example it consumes through its own classes, the way the listener does. */
class EventContractsTest {

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(Events.eventTypes(), Events.JSON);

    @ParameterizedTest
    @ValueSource(strings = {"booking.BookingConfirmed.v1", "booking.BookingPendingApproval.v1", "booking.BookingApproved.v1",
            "booking.BookingDeclined.v1", "booking.BookingUpdated.v1", "booking.BookingCancelled.v1",
            "booking.BookingExpired.v1", "booking.ManifestIncomplete.v1"})
    void everyNotifiedExampleIsReadWithTheVisitAMessageNeeds(String type) {
        Object event = read(type);

        assertThat(event).isInstanceOf(Events.TYPES.get(type));
        BookingEvent booking = (BookingEvent) event;
        assertThat(booking.bookingId()).isEqualTo("6f1c2a4e-8d1b-4c7e-9a51-2b7d0e3f9a10");
        assertThat(booking.occurredAt()).isNotNull();
        Visit visit = booking.visit();
        assertThat(visit.supplierReference()).isEqualTo("PT-7K3M9Q");
        assertThat(visit.title("en")).isEqualTo("Irkutsk hydro power plant: the dam and the turbine hall");
        assertThat(visit.title("ru")).isEqualTo("Иркутская ГЭС: плотина и машинный зал");
        assertThat(visit.enterprise().id()).isEqualTo("ent-irkutsk-hpp");
        assertThat(visit.enterprise().email()).isEqualTo("excursions@irkutsk-hpp.example");
        assertThat(visit.timeZone()).isEqualTo("Asia/Irkutsk");
        assertThat(visit.start()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(visit.localStartTime().toString()).isEqualTo("2026-12-01T10:00+08:00");
        assertThat(visit.rules().documents()).isEqualTo("PASSPORT_AND_BIRTH_CERTIFICATE");
        assertThat(visit.rules().manifestLeadDays()).isEqualTo(10);
        assertThat(visit.contact().emailAddress()).isEqualTo("m.ivanova@school42.example");
        assertThat(visit.contact().phoneNumber()).isEqualTo("+79025551234");
        assertThat(visit.operator().id()).isEqualTo("op-3b9e");
        assertThat(visit.operator().email()).isEqualTo("booking@baikal-tour.example");
        if (!(booking instanceof ManifestIncomplete)) {
            // what the operator's booking_update webhooks deliver unchanged
            assertThat(booking.octoBooking().path("id").asString()).isEqualTo(booking.bookingId());
            assertThat(booking.octoBooking().path("status").asString()).isNotBlank();
            assertThat(booking.octoBooking().path("unitItems").isArray()).isTrue();
        }
        else {
            assertThat(booking.octoBooking()).isNull();
        }
    }

    @Test
    void eventSpecificFieldsAreRead() {
        assertThat(((BookingCancelled) read("booking.BookingCancelled.v1")).cancelledBy()).isEqualTo("OPERATOR");
        assertThat(((BookingDeclined) read("booking.BookingDeclined.v1")).reason()).isEqualTo("В этот день на плотине плановые работы");
        BookingUpdated updated = (BookingUpdated) read("booking.BookingUpdated.v1");
        assertThat(updated.changes()).containsExactly("UNITS", "VISITORS", "AVAILABILITY");
        assertThat(updated.previousUnits()).isEqualTo(25);
        ManifestIncomplete manifest = (ManifestIncomplete) read("booking.ManifestIncomplete.v1");
        assertThat(manifest.visitorsNamed()).isEqualTo(20);
        assertThat(manifest.manifestDeadline()).isEqualTo(Instant.parse("2026-11-21T02:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking.SeatsHeld.v1", "booking.SeatsReleased.v1", "booking.SlotChangeApplied.v1"})
    void typesItDoesNotNotifyAboutBecomeUnknown(String type) {
        assertThat(read(type)).isInstanceOf(UnknownEvent.class);
    }

    private Object read(String type) {
        return read(type, Contracts.example(type));
    }

    private Object read(String type, String json) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEventAttributes("id-1", type, "/booking-service", Instant.now(), null));
        return deserializer.deserialize("booking.bookings.v1", headers, json.getBytes(StandardCharsets.UTF_8));
    }
}
