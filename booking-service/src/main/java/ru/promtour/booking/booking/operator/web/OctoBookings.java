package ru.promtour.booking.booking.operator.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.messaging.OctoBookingRenderer;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.booking.waitlist.Waitlists;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.route.RouteBooking;
import ru.promtour.seats.Bookability;

/**
 * Renders a booking in OCTO's shape, for the answers and for the lifecycle events' {@code octoBooking}. Instants are
 * cut to milliseconds: the clock ticks in microseconds but the store keeps milliseconds, so a reserve's answer and a
 * later GET of the same booking show the same times, and every UTC time has seconds or exactly three fraction digits.
 */
@Component
class OctoBookings implements OctoBookingRenderer {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** What the catalog's products announce ({@code octo.delivery-methods}): one voucher for the group. */
    static final List<String> DELIVERY_METHODS = List.of("VOUCHER");
    /** Visitors are checked against the manifest at the gate (the products' {@code redemptionMethod}). */
    static final String REDEMPTION_METHOD = "MANIFEST";
    /** The products' {@code deliveryFormats}: the voucher is a QR code of the supplier reference. */
    static final String DELIVERY_FORMAT = "QRCODE";

    private final OperatorBookings bookings;
    private final CatalogProjection projection;
    private final Waitlists waitlists;
    private final Clock clock;

    OctoBookings(OperatorBookings bookings, CatalogProjection projection, Waitlists waitlists, Clock clock) {
        this.bookings = bookings;
        this.projection = projection;
        this.waitlists = waitlists;
        this.clock = clock;
    }

    @Override
    public Object octoBooking(Booking b) {
        return of(b);
    }

    OctoBooking of(Booking b) {
        OctoBooking.Cancellation cancellation = b.cancellation() == null ? null
                : new OctoBooking.Cancellation(b.cancellation().refund(), b.cancellation().reason(),
                        utc(b.cancellation().utcCancelledAt()));
        List<OctoBooking.UnitItem> items = new ArrayList<>();
        for (int i = 0; i < b.unitItems().size(); i++) {
            UnitItem item = b.unitItems().get(i);
            items.add(new OctoBooking.UnitItem(item.uuid(), item.resellerReference(),
                    b.supplierReference() + "-" + (i + 1), item.unitId(), b.octoStatus(), null,
                    contact(item.contact()), null, item.visitor()));
        }
        return new OctoBooking(b.id(), b.uuid(), false, b.resellerReference(), b.supplierReference(),
                b.octoStatus(), utc(b.utcCreatedAt()), utc(b.utcUpdatedAt()), utc(b.utcExpiresAt()), null,
                utc(b.utcConfirmedAt()), b.productId(), b.optionId(), bookings.cancellable(b), cancellation, false,
                b.slotId(), availability(b), contact(b.contact()), b.notes(), DELIVERY_METHODS, voucher(b), items,
                waitlist(b), null);
    }

    /**
     * A route booking in OCTO's shape: the route's id, uuid, status and product, its chain of slots as the
     * availability (from the first leg's start to the last leg's end), the group as the first leg has it, and each
     * leg's own booking in {@code legs}.
     */
    OctoBooking of(RouteBooking r, List<Booking> legs) {
        List<OctoBooking> rendered = legs.stream().map(this::of).toList();
        String status = switch (r.status()) {
            case HOLDING, ON_HOLD -> "ON_HOLD";
            case PENDING -> "PENDING";
            case CONFIRMED -> "CONFIRMED";
            case EXPIRED -> "EXPIRED";
            case RELEASING, FAILED, CANCELLED -> "CANCELLED";
        };
        List<OctoBooking.RouteLeg> legViews = new ArrayList<>();
        for (int i = 0; i < rendered.size(); i++) {
            OctoBooking leg = rendered.get(i);
            legViews.add(new OctoBooking.RouteLeg(i + 1, leg.id(), leg.uuid(), leg.supplierReference(), leg.productId(),
                    leg.availabilityId(), leg.status(), leg.availability() == null ? null : leg.availability().localDateTimeStart(),
                    leg.availability() == null ? null : leg.availability().localDateTimeEnd()));
        }
        OctoBooking first = rendered.isEmpty() ? null : rendered.get(0);
        OctoBooking last = rendered.isEmpty() ? null : rendered.get(rendered.size() - 1);
        OctoBooking.Availability availability = first == null || first.availability() == null ? null
                : new OctoBooking.Availability(r.availabilityId(), first.availability().localDateTimeStart(),
                        last.availability() == null ? null : last.availability().localDateTimeEnd(),
                        first.availability().utcCutoffAt(), false, first.availability().available(),
                        first.availability().status(), first.availability().vacancies(), first.availability().capacity(),
                        first.availability().maxUnits(), List.of());
        List<OctoBooking.UnitItem> items = first == null ? List.of() : first.unitItems().stream()
                .map(u -> new OctoBooking.UnitItem(u.uuid(), u.resellerReference(), u.supplierReference(), u.unitId(), status,
                        u.utcRedeemedAt(), u.contact(), u.ticket(), u.visitor())).toList();
        boolean cancellable = r.status().live() && legs.stream().allMatch(bookings::cancellable);
        return new OctoBooking(r.id(), r.uuid(), false, first == null ? null : first.resellerReference(),
                r.supplierReference(), status, utc(r.utcCreatedAt()), utc(r.utcUpdatedAt()), utc(r.utcExpiresAt()), null,
                utc(r.utcConfirmedAt()), r.routeId(), Booking.OPTION_ID, cancellable,
                first == null ? null : first.cancellation(), false, r.availabilityId(), availability,
                first == null ? contact(null) : first.contact(), first == null ? null : first.notes(), DELIVERY_METHODS,
                new OctoBooking.Ticket(REDEMPTION_METHOD, null,
                        List.of(new OctoBooking.DeliveryOption(DELIVERY_FORMAT, r.supplierReference()))),
                items, null, legViews);
    }

    /** PromTour's {@code waitlist} object, on a booking that joined a waitlist (null otherwise: not rendered). */
    private OctoBooking.Waitlist waitlist(Booking b) {
        if (b.waitlist() == null) {
            return null;
        }
        Integer position = b.status() == BookingStatus.WAITLISTED ? waitlists.position(b) : null;
        return new OctoBooking.Waitlist(b.status() == BookingStatus.WAITLISTED ? "WAITING" : "OFFERED", position, b.units(),
                utc(b.waitlist().joinedAt()), utc(b.waitlist().offeredAt()), utc(b.waitlist().offerExpiresAt()),
                waitlists.offerMinutes());
    }

    /**
     * OCTO: a voucher whenever VOUCHER is a delivery method, whatever the status (a reseller's client refuses a
     * booking without it). The gate finds the group in the enterprise's manifest by this reference and admits it
     * only as CONFIRMED there, so the voucher of a booking on hold or cancelled admits nobody. Redemption is not
     * reported through the API ({@code utcRedeemedAt} stays null).
     */
    static OctoBooking.Ticket voucher(Booking b) {
        return new OctoBooking.Ticket(REDEMPTION_METHOD, null,
                List.of(new OctoBooking.DeliveryOption(DELIVERY_FORMAT, b.supplierReference())));
    }

    private static Instant utc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private OctoBooking.Availability availability(Booking b) {
        SlotView slot = projection.slot(b.slotId()).orElse(null);
        Program p = projection.excursion(b.productId()).map(ExcursionView::program).orElse(null);
        if (slot == null || p == null) {
            return null;
        }
        ZonedDateTime start = b.start().atZone(ZoneId.of(b.timeZone()));
        Instant cutoffAt = slot.cutoffAt() != null ? slot.cutoffAt() : Bookability.cutoffAt(b.start(), p.bookingCutoffHours());
        // the catalog's last word on the slot, graded by the rule a reserve meets (seats: informative, the ledger decides)
        int free = Math.max(0, slot.available());
        String status = Bookability.refusal(Bookability.Status.valueOf(slot.status()), cutoffAt, slot.capacity(),
                        slot.capacity() - free, 0, 1, clock.instant())
                .map(refusal -> refusal.anySize() ? "CLOSED" : "SOLD_OUT").orElse("AVAILABLE");
        OctoDays.Bounds bounds = OctoDays.bounds(slot, start, p.durationMinutes());
        return new OctoBooking.Availability(slot.id(), LOCAL.format(bounds.start()), LOCAL.format(bounds.end()),
                utc(cutoffAt), slot.allDay(), "AVAILABLE".equals(status), status, "CLOSED".equals(status) ? 0 : free,
                slot.capacity(), p.maxUnits(), OctoDays.openingHours(slot));
    }

    private static OctoBooking.Contact contact(Contact c) {
        if (c == null) {
            return new OctoBooking.Contact(null, null, null, null, null, List.of(), null, null, null);
        }
        return new OctoBooking.Contact(c.name(), c.firstName(), c.lastName(), c.emailAddress(), c.phoneNumber(),
                c.locales() == null ? List.of() : c.locales(), c.postalCode(), c.country(), c.notes());
    }
}
