package ru.promtour.notification.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.booking.Routes;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.message.MessageQueue;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.template.MessageRenderer;
import ru.promtour.notification.template.RoutePlan;
import ru.promtour.notification.template.Template;
import ru.promtour.notification.template.VisitFormat;

/**
 * Who is told what about each booking event (issue 6): the one place that maps an event type to its
 * recipients and templates. The group leader gets email and SMS, the operator and the enterprise email.
 * A leg of a route (issue 16: the event names its {@code routeBookingId}) tells the group leader nothing: the
 * route's own events tell them once about the whole day.
 */
@Component
public class Notifications {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageQueue queue;
    private final Bookings bookings;
    private final Routes routes;
    private final MessageRenderer renderer;

    public Notifications(MessageQueue queue, Bookings bookings, Routes routes, MessageRenderer renderer) {
        this.queue = queue;
        this.bookings = bookings;
        this.routes = routes;
        this.renderer = renderer;
    }

    /**
     * Records the booking's latest state (for reminders and access checks) and queues its messages.
     * Idempotent: a redelivered event finds its messages' keys taken and the projection newer or equal.
     *
     * @return how many new messages were queued
     */
    public int handle(String eventId, String eventType, BookingEvent event, Instant eventTime) {
        bookings.apply(event, eventTime == null ? event.occurredAt() : eventTime);
        int queued = 0;
        for (Intent intent : intents(eventId, eventType, event)) {
            queued += queue.queue(intent);
        }
        queue.announce(queued);
        return queued;
    }

    /**
     * Records the route's state and queues its messages, idempotent as {@link #handle(String, String, BookingEvent, Instant)}:
     * a cancellation tells the group leader only when the route had been confirmed to them, which a redelivery still finds.
     */
    public int handle(String eventId, String eventType, RouteEvent event, Instant eventTime) {
        boolean leaderTold = routes.wasConfirmed(event.routeBookingId());
        routes.apply(event, eventTime == null ? event.occurredAt() : eventTime);
        int queued = 0;
        for (Intent intent : intents(eventId, eventType, event, leaderTold)) {
            queued += queue.queue(intent);
        }
        queue.announce(queued);
        return queued;
    }

    /**
     * The intents of a route event: one message about the whole day, logged under the route booking id.
     *
     * @param leaderTold whether the group leader was told the route is confirmed (by an earlier RouteConfirmed)
     */
    public List<Intent> intents(String eventId, String type, RouteEvent event, boolean leaderTold) {
        List<Intent> intents = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(RoutePlan.DETAIL, new RoutePlan(event.title(), event.region(), event.localDate(),
                event.legs().stream().map(RouteEvent.Leg::visit).toList()));
        String route = event.routeBookingId();
        Visit visit = event.firstVisit();
        if (event instanceof RouteConfirmed) {
            intents.add(new Intent(eventId, type, route, visit, Role.GROUP_LEADER, Template.ROUTE_CONFIRMED, details));
            intents.add(new Intent(eventId, type, route, visit, Role.OPERATOR, Template.ROUTE_CONFIRMED, details));
        }
        else if (event instanceof RouteCancelled e) {
            details.put("cause", e.cause() == null ? "CANCELLED" : e.cause());
            details.put("reason", blankToNull(e.reason()));
            // a route that expired or was declined before its confirmation was never news to the group leader
            if (leaderTold && !"EXPIRED".equals(e.cause())) {
                intents.add(new Intent(eventId, type, route, visit, Role.GROUP_LEADER, Template.ROUTE_CANCELLED, details));
            }
            intents.add(new Intent(eventId, type, route, visit, Role.OPERATOR, Template.ROUTE_CANCELLED, details));
        }
        return intents;
    }

    /** The intents of one event, in the order they are queued. */
    public List<Intent> intents(String eventId, String type, BookingEvent event) {
        List<Intent> intents = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        String booking = event.bookingId();
        Visit visit = event.visit();
        if (event instanceof BookingConfirmed e) {
            details.put("operatorId", e.operatorId());
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_CONFIRMED, details);
            intents.add(new Intent(eventId, type, booking, visit, Role.ENTERPRISE, Template.ENTERPRISE_NEW_BOOKING, details));
        }
        else if (event instanceof BookingPendingApproval e) {
            details.put("operatorId", e.operatorId());
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_PENDING_APPROVAL, details);
            intents.add(new Intent(eventId, type, booking, visit, Role.ENTERPRISE, Template.ENTERPRISE_APPROVAL_REQUEST, details));
        }
        else if (event instanceof BookingApproved e) {
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_APPROVED, details);
        }
        else if (event instanceof BookingDeclined e) {
            details.put("reason", blankToNull(e.reason()));
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_DECLINED, details);
        }
        else if (event instanceof BookingUpdated e) {
            details.put("changes", e.changes().stream().map(c -> "change." + c).toList());
            details.put("previousUnits", e.previousUnits());
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_UPDATED, details);
        }
        else if (event instanceof BookingCancelled e) {
            details.put("cancelledBy", e.bySupplier() ? "SUPPLIER" : "OPERATOR");
            details.put("reason", blankToNull(e.reason()));
            leaderAndOperator(intents, eventId, type, e, Template.BOOKING_CANCELLED, details);
        }
        else if (event instanceof BookingExpired e) {
            // the group leader only when the hold already had a contact (MessageQueue skips a null contact)
            intents.add(new Intent(eventId, type, booking, visit, Role.OPERATOR, Template.BOOKING_EXPIRED, details));
            if (e.routeBookingId() == null) {
                intents.add(new Intent(eventId, type, booking, visit, Role.GROUP_LEADER, Template.BOOKING_EXPIRED, details));
            }
        }
        else if (event instanceof WaitlistOffered e) {
            // the operator only: the group leader was never told about the waitlisted booking
            details.put("position", e.position());
            details.put("offerExpires", deadline(e.offerExpiresAt(), visit));
            details.put("offerExpiresUtc", UTC.format(e.offerExpiresAt()));
            details.put("uuid", e.octoUuid() == null ? "{uuid}" : e.octoUuid());
            intents.add(new Intent(eventId, type, booking, visit, Role.OPERATOR, Template.OPERATOR_WAITLIST_OFFERED, details));
        }
        else if (event instanceof ManifestIncomplete e) {
            details.put("visitorsNamed", e.visitorsNamed());
            details.put("manifestDeadline", deadline(e.manifestDeadline(), visit));
            intents.add(new Intent(eventId, type, booking, visit, Role.OPERATOR, Template.OPERATOR_MANIFEST_INCOMPLETE, details));
            intents.add(new Intent(eventId, type, booking, visit, Role.ENTERPRISE, Template.ENTERPRISE_MANIFEST_INCOMPLETE, details));
        }
        return intents;
    }

    /** A deadline (manifest, waitlist offer) in the enterprise's local time (operator and enterprise read Russian). */
    public String deadline(Instant deadline, Visit visit) {
        Locale locale = MessageRenderer.RUSSIAN;
        return VisitFormat.when(deadline.atZone(ZoneId.of(visit.timeZone())).toOffsetDateTime(), visit.timeZone(), locale,
                renderer.messages());
    }

    private static void leaderAndOperator(List<Intent> intents, String eventId, String type, BookingEvent e, Template template,
                                          Map<String, Object> details) {
        if (e.routeBookingId() == null) {
            intents.add(new Intent(eventId, type, e.bookingId(), e.visit(), Role.GROUP_LEADER, template, details));
        }
        intents.add(new Intent(eventId, type, e.bookingId(), e.visit(), Role.OPERATOR, template, details));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
