package ru.promtour.notification.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

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
import static org.assertj.core.api.Assertions.tuple;

/**
 * This service reads every contract example it consumes through its own classes, the way the listener does: the
 * booking lifecycle, the waitlist offer and the route events (issue 16).
 */
class EventContractsTest {

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(Events.eventTypes(), Events.JSON);

    @ParameterizedTest
    @ValueSource(strings = {"booking.BookingConfirmed.v1", "booking.BookingPendingApproval.v1", "booking.BookingApproved.v1",
            "booking.BookingDeclined.v1", "booking.BookingUpdated.v1", "booking.BookingCancelled.v1",
            "booking.BookingExpired.v1", "booking.ManifestIncomplete.v1", "booking.WaitlistOffered.v1"})
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
        assertThat(booking.routeBookingId()).as("an example booking on its own").isNull();
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

    @Test
    void aWaitlistOfferIsReadWithItsDeadlineAndTheUuidTheOperatorConfirmsWith() {
        WaitlistOffered offer = (WaitlistOffered) read("booking.WaitlistOffered.v1");

        assertThat(offer.operatorId()).isEqualTo("op-3b9e");
        assertThat(offer.units()).isEqualTo(28);
        assertThat(offer.position()).isEqualTo(1);
        assertThat(offer.offeredAt()).isEqualTo(Instant.parse("2026-11-23T09:20:41Z"));
        assertThat(offer.offerExpiresAt()).isEqualTo(Instant.parse("2026-11-23T11:20:41Z"));
        assertThat(offer.octoUuid()).isEqualTo("0b6d9c52-3f3e-4c1a-9a65-7c1d3b2f4e11");
        assertThat(offer.octoBooking().path("status").asString()).isEqualTo("ON_HOLD");
        assertThat(offer.routeBookingId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking.RouteConfirmed.v1", "booking.RouteCancelled.v1"})
    void aRouteExampleIsReadWithItsLegsInTheOrderOfTheDay(String type) {
        Object event = read(type);

        assertThat(event).isInstanceOf(Events.ROUTE_TYPES.get(type));
        RouteEvent route = (RouteEvent) event;
        assertThat(route.routeBookingId()).isEqualTo("rb-5e0c9a1f-2d3b-4c5d-8e6f-7a8b9c0d1e2f");
        assertThat(route.routeId()).isEqualTo("route-kaluga-industrial");
        assertThat(route.title()).isEqualTo("Калуга промышленная");
        assertThat(route.region()).isEqualTo("Калужская область");
        assertThat(route.operatorId()).isEqualTo("op-3b9e");
        assertThat(route.localDate()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(route.units()).isEqualTo(28);
        assertThat(route.occurredAt()).isNotNull();
        assertThat(route.legs()).extracting(RouteEvent.Leg::position, RouteEvent.Leg::slotId).containsExactly(
                tuple(1, "slot-kaluga-zefir-1010"), tuple(2, "slot-kaluga-cheese-1410"));
        assertThat(route.legs()).extracting(leg -> leg.visit().localStartTime().toString(), leg -> leg.visit().meetingPoint())
                .containsExactly(tuple("2026-10-13T10:00+03:00", "Проходная, главный вход"),
                        tuple("2026-10-13T14:00+03:00", "Магазин при сыроварне"));
        Visit first = route.firstVisit();
        assertThat(first.contact().emailAddress()).isEqualTo("m.ivanova@school42.example");
        assertThat(first.contact().phoneNumber()).isEqualTo("+79025551234");
        assertThat(first.operator().email()).isEqualTo("booking@baikal-tour.example");
        assertThat(first.rules().ppe()).isEqualTo("Халаты и бахилы выдаются");
        assertThat(first.durationMinutes()).isEqualTo(120);
    }

    @Test
    void aRouteCancellationNamesItsCauseAndReason() {
        RouteCancelled cancelled = (RouteCancelled) read("booking.RouteCancelled.v1");

        assertThat(cancelled.cause()).isEqualTo("CANCELLED");
        assertThat(cancelled.reason()).isEqualTo("Карантин в школе");
        assertThat(cancelled.cancelledAt()).isEqualTo(Instant.parse("2026-10-05T12:00:00Z"));
    }

    @Test
    void legsAreReadInPositionOrderWhateverOrderTheProducerWroteThem() {
        String json = Contracts.example("booking.RouteConfirmed.v1");
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) Events.JSON.readTree(json);
        tools.jackson.databind.node.ArrayNode legs = (tools.jackson.databind.node.ArrayNode) tree.get("legs");
        tools.jackson.databind.JsonNode first = legs.remove(0);
        legs.add(first);

        RouteConfirmed route = (RouteConfirmed) read("booking.RouteConfirmed.v1", Events.JSON.writeValueAsString(tree));

        assertThat(route.legs()).extracting(RouteEvent.Leg::position).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking.BookingConfirmed.v1", "booking.BookingPendingApproval.v1", "booking.BookingApproved.v1",
            "booking.BookingDeclined.v1", "booking.BookingCancelled.v1", "booking.BookingExpired.v1"})
    void aLegOfARouteIsReadWithItsRouteBookingIdAndABookingOnItsOwnWithout(String type) {
        assertThat(((BookingEvent) read(type)).routeBookingId()).isNull();

        String leg = Contracts.example(type).replaceFirst("\\{", "{\"routeBookingId\": \"rb-1\", ");
        assertThat(((BookingEvent) read(type, leg)).routeBookingId()).isEqualTo("rb-1");
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
