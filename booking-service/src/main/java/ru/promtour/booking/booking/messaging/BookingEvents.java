package ru.promtour.booking.booking.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingApproved;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingCancelled;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingConfirmed;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingDeclined;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingExpired;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingPendingApproval;
import ru.promtour.booking.booking.messaging.BookingEventPayloads.BookingUpdated;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.Program;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the booking events as outbox entries: topic {@code booking.bookings.v1}, key = slot id (a slot's
 * events stay ordered in one partition), {@code ce_subject} = booking id. Given the booking AFTER the change, so the event
 * goes into the same write as the change.
 */
@Component
public class BookingEvents {

    public static final String TOPIC = "booking.bookings.v1";
    public static final String CONFIRMED = "booking.BookingConfirmed.v1";
    public static final String PENDING_APPROVAL = "booking.BookingPendingApproval.v1";
    public static final String APPROVED = "booking.BookingApproved.v1";
    public static final String DECLINED = "booking.BookingDeclined.v1";
    public static final String CANCELLED = "booking.BookingCancelled.v1";
    public static final String EXPIRED = "booking.BookingExpired.v1";
    public static final String UPDATED = "booking.BookingUpdated.v1";
    public static final String MANIFEST_INCOMPLETE = "booking.ManifestIncomplete.v1";
    public static final String WAITLIST_OFFERED = "booking.WaitlistOffered.v1";
    public static final String NO_SHOW = "booking.BookingNoShow.v1";

    /** ISO-8601 with seconds and a numeric offset always ({@code +00:00}, never {@code Z}), as the contracts ask. */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}([-_][A-Za-z]{2})?$");

    private final JsonMapper json;
    private final CatalogProjection projection;
    private final OctoBookingRenderer octo;

    /** @param octo lazy: the OCTO renderer needs the operator's bookings, which need these events */
    public BookingEvents(JsonMapper json, CatalogProjection projection, @Lazy OctoBookingRenderer octo) {
        this.json = json;
        this.projection = projection;
        this.octo = octo;
    }

    public OutboxEvent confirmed(Booking b, Instant at) {
        return event(CONFIRMED, b, new BookingConfirmed(b.id(), b.slotId(), b.productId(), b.operatorId(), b.units(),
                at, visit(b), octo.octoBooking(b), b.routeBookingId(), imported(b)));
    }

    public OutboxEvent pendingApproval(Booking b, Instant at) {
        return event(PENDING_APPROVAL, b, new BookingPendingApproval(b.id(), b.slotId(), b.productId(), b.operatorId(),
                b.units(), at, visit(b), octo.octoBooking(b), b.routeBookingId()));
    }

    public OutboxEvent approved(Booking b, Instant at) {
        return event(APPROVED, b, new BookingApproved(b.id(), b.slotId(), b.productId(), b.operatorId(), b.units(), at,
                visit(b), octo.octoBooking(b), b.routeBookingId()));
    }

    public OutboxEvent declined(Booking b, Instant at) {
        return event(DECLINED, b, new BookingDeclined(b.id(), b.slotId(), b.units(), b.declineReason(), at, visit(b),
                octo.octoBooking(b), b.routeBookingId()));
    }

    public OutboxEvent cancelled(Booking b, Instant at) {
        return event(CANCELLED, b, new BookingCancelled(b.id(), b.slotId(), b.units(), b.cancellation().cancelledBy(),
                b.cancellation().reason(), at, visit(b), octo.octoBooking(b), b.routeBookingId(), imported(b)));
    }

    public OutboxEvent expired(Booking b, Instant at) {
        return event(EXPIRED, b, new BookingExpired(b.id(), b.slotId(), b.units(), at, visit(b), octo.octoBooking(b), b.routeBookingId()));
    }

    /** @param changes UNITS, CONTACT, VISITORS, NOTES */
    public OutboxEvent updated(Booking b, Integer previousUnits, List<String> changes, Instant at) {
        return updated(b, null, previousUnits, changes, at);
    }

    /** @param previousSlotId the slot a booking moved from (change {@code AVAILABILITY}), else null */
    public OutboxEvent updated(Booking b, String previousSlotId, Integer previousUnits, List<String> changes, Instant at) {
        return event(UPDATED, b, new BookingUpdated(b.id(), b.slotId(), previousSlotId, b.productId(), b.operatorId(),
                b.units(), previousUnits, changes, at, visit(b), octo.octoBooking(b)));
    }

    /** Seats came back and are held for the waitlisted booking until its offer expires. */
    public OutboxEvent waitlistOffered(Booking b, Integer position, Instant at) {
        return event(WAITLIST_OFFERED, b, new BookingEventPayloads.WaitlistOffered(b.id(), b.slotId(), b.productId(),
                b.operatorId(), b.units(), position, b.waitlist().offeredAt(), b.waitlist().offerExpiresAt(), visit(b),
                octo.octoBooking(b)));
    }

    /** The visitor list is not complete {@code warnBefore} the manifest deadline: the operator must send it. */
    public OutboxEvent manifestIncomplete(Booking b, Instant deadline, Instant at) {
        Visit visit = visit(b);
        return event(MANIFEST_INCOMPLETE, b, new BookingEventPayloads.ManifestIncomplete(b.id(), b.slotId(), b.productId(),
                b.operatorId(), b.units(), visit.visitorsNamed(), deadline, at, visit));
    }

    /** The enterprise marked the confirmed group a no-show ({@link Booking#noShow()} of {@code b}). */
    public OutboxEvent noShow(Booking b) {
        return event(NO_SHOW, b, new BookingEventPayloads.BookingNoShow(b.id(), b.slotId(), b.productId(), b.operatorId(),
                b.units(), b.noShow().cause().name(), b.noShow().note(), b.noShow().markedAt(), visit(b)));
    }

    /** The {@code visit} of a booking, from the booking and the program it was made on. */
    public Visit visit(Booking b) {
        Program p = projection.excursion(b.productId())
                .orElseThrow(() -> new IllegalStateException("Excursion " + b.productId() + " of booking " + b.id()
                        + " is missing from the projection"))
                .program();
        Program.EnterpriseInfo e = p.enterprise();
        String address = firstPresent(e.address(), e.city(), e.name());
        Program.Rules r = p.rules() == null ? new Program.Rules(null, false, null, true, "NONE", 0, null) : p.rules();
        Map<String, Visit.UnitQuantity> units = new LinkedHashMap<>();
        for (UnitItem item : b.unitItems()) {
            units.merge(item.unitId(), new Visit.UnitQuantity(item.unitId(), item.type(), 1),
                    (a, c) -> new Visit.UnitQuantity(a.unitId(), a.type(), a.quantity() + c.quantity()));
        }
        return new Visit(b.supplierReference(), b.resellerReference(), b.productId(),
                new Visit.Title(p.title().ru(), p.title().en()),
                new Visit.Enterprise(e.id(), e.name(), e.city(), address, e.timeZone(), e.email(), e.phone()),
                firstPresent(p.meetingPoint(), address), b.start(), localStart(b), b.timeZone(),
                Math.max(1, p.durationMinutes()), p.bookingMode(),
                new Visit.Rules(r.ppe(), r.ppeRequired(), r.dressCode(), r.photoAllowed(), r.documents(),
                        r.manifestLeadDays(), r.accessibility()),
                p.cancellationCutoffHours(), List.copyOf(units.values()), b.units(),
                (int) b.unitItems().stream().filter(UnitItem::named).count(), contact(b),
                new Visit.Operator(b.operatorId(), b.operatorName(), b.operatorEmail()), b.utcCreatedAt());
    }

    /** {@code "imported": true} on the events of an imported booking; absent on every other. */
    private static Boolean imported(Booking b) {
        return b.wasImported() ? Boolean.TRUE : null;
    }

    static String localStart(Booking b) {
        return LOCAL.format(b.start().atZone(ZoneId.of(b.timeZone())));
    }

    private static Visit.Contact contact(Booking b) {
        if (b.contact() == null || b.contact().name() == null) {
            return null;
        }
        String locale = b.contact().locale();
        return new Visit.Contact(b.contact().name(), b.contact().emailAddress(), b.contact().phoneNumber(),
                locale != null && LOCALE.matcher(locale).matches() ? locale : "ru");
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "—";
    }

    private OutboxEvent event(String type, Booking b, Object payload) {
        return OutboxEvent.of(type, TOPIC, b.slotId(), b.id(), payload, json);
    }
}
