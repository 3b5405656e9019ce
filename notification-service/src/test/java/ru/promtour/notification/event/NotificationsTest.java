package ru.promtour.notification.event;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.template.MessageRenderer;
import ru.promtour.notification.template.Template;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.contracts.Contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Who is told what about a waitlist offer, a route and a route's legs (issue 16). */
class NotificationsTest {

    private final Notifications notifications = new Notifications(null, null, null, new MessageRenderer());

    @ParameterizedTest
    @ValueSource(strings = {"booking.BookingConfirmed.v1", "booking.BookingPendingApproval.v1", "booking.BookingApproved.v1",
            "booking.BookingDeclined.v1", "booking.BookingCancelled.v1", "booking.BookingExpired.v1"})
    void aLegOfARouteTellsTheOperatorAndTheEnterpriseAsBeforeButNotTheGroupLeader(String type) {
        List<Intent> alone = notifications.intents("e", type, Events.example(type));
        List<Intent> leg = notifications.intents("e", type, legOfARoute(type));

        assertThat(alone).extracting(Intent::role).contains(Role.GROUP_LEADER);
        assertThat(leg).extracting(Intent::role, Intent::template).containsExactlyElementsOf(alone.stream()
                .filter(i -> i.role() != Role.GROUP_LEADER).map(i -> tuple(i.role(), i.template())).toList());
    }

    @Test
    void aWaitlistOfferTellsOnlyTheOperatorUntilWhenAndHowToConfirm() {
        List<Intent> intents = notifications.intents("e", "booking.WaitlistOffered.v1", Events.example("booking.WaitlistOffered.v1"));

        assertThat(intents).singleElement().satisfies(intent -> {
            assertThat(intent.role()).isEqualTo(Role.OPERATOR);
            assertThat(intent.template()).isEqualTo(Template.OPERATOR_WAITLIST_OFFERED);
            assertThat(intent.details()).containsEntry("offerExpires", "23 ноября 2026, 19:20 (Иркутск, UTC+8)")
                    .containsEntry("offerExpiresUtc", "23.11.2026 11:20 UTC")
                    .containsEntry("uuid", "0b6d9c52-3f3e-4c1a-9a65-7c1d3b2f4e11");
        });
    }

    @Test
    void aConfirmedRouteTellsTheGroupLeaderAndTheOperatorOnceUnderTheRouteBookingId() {
        List<Intent> intents = notifications.intents("e", "booking.RouteConfirmed.v1", Events.route("booking.RouteConfirmed.v1"), false);

        assertThat(intents).extracting(Intent::role, Intent::template, Intent::bookingId).containsExactly(
                tuple(Role.GROUP_LEADER, Template.ROUTE_CONFIRMED, "rb-5e0c9a1f-2d3b-4c5d-8e6f-7a8b9c0d1e2f"),
                tuple(Role.OPERATOR, Template.ROUTE_CONFIRMED, "rb-5e0c9a1f-2d3b-4c5d-8e6f-7a8b9c0d1e2f"));
    }

    @Test
    void aCancelledRouteTellsTheGroupLeaderOnlyWhenTheyHadBeenToldItWasConfirmed() {
        RouteEvent cancelled = Events.route("booking.RouteCancelled.v1");

        assertThat(notifications.intents("e", "booking.RouteCancelled.v1", cancelled, true)).extracting(Intent::role)
                .containsExactly(Role.GROUP_LEADER, Role.OPERATOR);
        assertThat(notifications.intents("e", "booking.RouteCancelled.v1", cancelled, false)).extracting(Intent::role)
                .containsExactly(Role.OPERATOR);
    }

    @Test
    void anExpiredRouteIsNewsToTheOperatorOnly() {
        RouteEvent expired = Events.JSON.readValue(Contracts.example("booking.RouteCancelled.v1")
                .replace("\"cause\": \"CANCELLED\"", "\"cause\": \"EXPIRED\""), RouteCancelled.class);

        assertThat(notifications.intents("e", "booking.RouteCancelled.v1", expired, true)).singleElement()
                .satisfies(intent -> {
                    assertThat(intent.role()).isEqualTo(Role.OPERATOR);
                    assertThat(intent.details()).containsEntry("cause", "EXPIRED");
                });
    }

    private static BookingEvent legOfARoute(String type) {
        return Events.JSON.readValue(Contracts.example(type).replaceFirst("\\{", "{\"routeBookingId\": \"rb-1\", "),
                Events.TYPES.get(type));
    }
}
