package ru.promtour.notification.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.message.MessageQueue;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.template.MessageRenderer;
import ru.promtour.notification.template.Template;
import ru.promtour.notification.template.VisitFormat;

/**
 * Who is told what about each booking event (issue 6): the one place that maps an event type to its
 * recipients and templates. The group leader gets email and SMS, the operator and the enterprise email.
 */
@Component
public class Notifications {

    private final MessageQueue queue;
    private final Bookings bookings;
    private final MessageRenderer renderer;

    public Notifications(MessageQueue queue, Bookings bookings, MessageRenderer renderer) {
        this.queue = queue;
        this.bookings = bookings;
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
        else if (event instanceof BookingExpired) {
            // the group leader only when the hold already had a contact (MessageQueue skips a null contact)
            intents.add(new Intent(eventId, type, booking, visit, Role.OPERATOR, Template.BOOKING_EXPIRED, details));
            intents.add(new Intent(eventId, type, booking, visit, Role.GROUP_LEADER, Template.BOOKING_EXPIRED, details));
        }
        else if (event instanceof ManifestIncomplete e) {
            details.put("visitorsNamed", e.visitorsNamed());
            details.put("manifestDeadline", deadline(e.manifestDeadline(), visit));
            intents.add(new Intent(eventId, type, booking, visit, Role.OPERATOR, Template.OPERATOR_MANIFEST_INCOMPLETE, details));
            intents.add(new Intent(eventId, type, booking, visit, Role.ENTERPRISE, Template.ENTERPRISE_MANIFEST_INCOMPLETE, details));
        }
        return intents;
    }

    /** The manifest deadline in the enterprise's local time (operator and enterprise read Russian). */
    public String deadline(Instant deadline, Visit visit) {
        Locale locale = MessageRenderer.RUSSIAN;
        return VisitFormat.when(deadline.atZone(ZoneId.of(visit.timeZone())).toOffsetDateTime(), visit.timeZone(), locale,
                renderer.messages());
    }

    private static void leaderAndOperator(List<Intent> intents, String eventId, String type, BookingEvent e, Template template,
                                          Map<String, Object> details) {
        intents.add(new Intent(eventId, type, e.bookingId(), e.visit(), Role.GROUP_LEADER, template, details));
        intents.add(new Intent(eventId, type, e.bookingId(), e.visit(), Role.OPERATOR, template, details));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
