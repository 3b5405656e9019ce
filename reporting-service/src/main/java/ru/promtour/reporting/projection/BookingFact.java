package ru.promtour.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reports need to know about one booking, as its events told it. Built by {@link #apply} alone, a pure
 * function of the events, so a replay builds the same facts and a test can recount them.
 *
 * @param appliedEvents the {@code ce_id}s applied (idempotency: a second copy changes nothing)
 * @param status        {@code PENDING}, {@code OFFERED}, {@code CONFIRMED}, {@code DECLINED}, {@code CANCELLED},
 *                      {@code EXPIRED}
 * @param lastEventAt   the newest event time applied: an older event (a booking moved to another slot has its later
 *                      events in another partition) fills gaps but never overrides
 * @param visitDate     the visit's local date ({@code yyyy-MM-dd}, the enterprise's time zone): a booking belongs to
 *                      this date's month
 * @param bookedAt      when the operator made the booking (lead time)
 * @param confirmedAt   when it was confirmed or approved, kept after a cancellation (a late cancellation is charged)
 * @param receivedAt    when this projection last changed it (statements look for changes after a month was closed)
 */
public record BookingFact(String id, long revision, List<String> appliedEvents, String status, Instant lastEventAt,
                          String operatorId, String operatorName, String enterpriseId, String enterpriseName,
                          String programId, String programTitle, String slotId, Instant visitStart, String timeZone,
                          String visitDate, String visitMonth, int units, List<UnitCount> unitItems, Instant bookedAt,
                          Instant confirmedAt, Instant cancelledAt, String cancelledBy, String cancelReason,
                          int cancellationCutoffHours, NoShow noShow, boolean imported, String supplierReference,
                          String resellerReference, String routeBookingId, Instant receivedAt) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String CANCELLED = "CANCELLED";
    public static final String OPERATOR = "OPERATOR";

    /** Units of one unit type of the program ({@code CHILD}, {@code ADULT}, {@code ACCOMPANYING_ADULT}, …). */
    public record UnitCount(String unitId, String type, int quantity) {
    }

    /** The enterprise's mark that a confirmed group did not come. */
    public record NoShow(String cause, String note, Instant markedAt) {
    }

    /** The event types that change a booking's facts; others on the topic are not read. */
    public static final List<String> TYPES = List.of("booking.BookingConfirmed.v1", "booking.BookingPendingApproval.v1",
            "booking.BookingApproved.v1", "booking.BookingDeclined.v1", "booking.BookingCancelled.v1",
            "booking.BookingExpired.v1", "booking.BookingUpdated.v1", "booking.WaitlistOffered.v1",
            "booking.BookingNoShow.v1");

    /**
     * The facts after {@code event}: {@code current} unchanged (the same instance) if this event id was applied.
     *
     * @param current null for a booking not seen yet
     */
    public static BookingFact apply(BookingFact current, String eventId, String type, Instant eventTime,
                                    BookingEvent event, Instant now) {
        if (current != null && current.appliedEvents().contains(eventId)) {
            return current;
        }
        Builder b = current == null ? new Builder(event.bookingId()) : new Builder(current);
        boolean newest = b.lastEventAt == null || !eventTime.isBefore(b.lastEventAt);
        b.applied.add(eventId);
        b.revision++;
        b.receivedAt = now;
        b.visit(event, newest);
        if (Boolean.TRUE.equals(event.imported())) {
            b.imported = true;
        }
        if (event.routeBookingId() != null) {
            b.routeBookingId = event.routeBookingId();
        }
        String status = switch (type) {
            case "booking.BookingConfirmed.v1" -> {
                b.confirmedAt = first(b.confirmedAt, event.confirmedAt(), eventTime);
                yield CONFIRMED;
            }
            case "booking.BookingApproved.v1" -> {
                b.confirmedAt = first(b.confirmedAt, event.approvedAt(), eventTime);
                yield CONFIRMED;
            }
            case "booking.BookingPendingApproval.v1" -> "PENDING";
            case "booking.WaitlistOffered.v1" -> "OFFERED";
            case "booking.BookingDeclined.v1" -> "DECLINED";
            case "booking.BookingExpired.v1" -> "EXPIRED";
            case "booking.BookingCancelled.v1" -> {
                b.cancelledAt = first(b.cancelledAt, event.cancelledAt(), eventTime);
                b.cancelledBy = event.cancelledBy();
                b.cancelReason = event.reason();
                yield CANCELLED;
            }
            case "booking.BookingNoShow.v1" -> {
                b.noShow = new NoShow(event.cause(), event.note(), first(null, event.markedAt(), eventTime));
                yield null;
            }
            default -> null; // BookingUpdated: units or slot, applied above
        };
        if (status != null && (newest || b.status == null)) {
            b.status = status;
        }
        if (newest) {
            b.lastEventAt = eventTime;
        }
        if (b.bookedAt == null) {
            b.bookedAt = first(null, event.requestedAt(), event.confirmedAt() != null ? event.confirmedAt() : eventTime);
        }
        return b.build();
    }

    /** A confirmed booking (its visit may be ahead); a no-show is still one. */
    public boolean confirmed() {
        return CONFIRMED.equals(status);
    }

    /** A confirmed group whose visit started and that the enterprise did not mark as a no-show. */
    public boolean visited(Instant now) {
        return confirmed() && noShow == null && visitStart != null && !visitStart.isAfter(now);
    }

    /**
     * Cancelled by its operator after it was confirmed, inside the program's cancellation window (less than
     * {@code cancellationCutoffHours} before the start): the operator owes the fee.
     */
    public boolean lateCancellation() {
        return CANCELLED.equals(status) && OPERATOR.equals(cancelledBy) && confirmedAt != null && cancelledAt != null
                && visitStart != null
                && cancelledAt.isAfter(visitStart.minus(Duration.ofHours(cancellationCutoffHours)));
    }

    /** Units of the child types: a group with children is a school group. */
    public int children() {
        return unitItems == null ? 0 : unitItems.stream().filter(u -> "CHILD".equals(u.type()))
                .mapToInt(UnitCount::quantity).sum();
    }

    public int adults() {
        return units - children();
    }

    public boolean schoolGroup() {
        return children() > 0;
    }

    private static Instant first(Instant kept, Instant given, Instant fallback) {
        return kept != null ? kept : given != null ? given : fallback;
    }

    /** The local date of an instant in a zone, as {@code yyyy-MM-dd}. */
    static LocalDate localDate(Instant start, String localStart, String timeZone) {
        if (localStart != null) {
            return OffsetDateTime.parse(localStart).toLocalDate();
        }
        return start.atZone(timeZone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(timeZone)).toLocalDate();
    }

    private static final class Builder {
        String id;
        long revision;
        List<String> applied;
        String status;
        Instant lastEventAt;
        String operatorId;
        String operatorName;
        String enterpriseId;
        String enterpriseName;
        String programId;
        String programTitle;
        String slotId;
        Instant visitStart;
        String timeZone;
        String visitDate;
        String visitMonth;
        int units;
        List<UnitCount> unitItems;
        Instant bookedAt;
        Instant confirmedAt;
        Instant cancelledAt;
        String cancelledBy;
        String cancelReason;
        int cancellationCutoffHours;
        NoShow noShow;
        boolean imported;
        String supplierReference;
        String resellerReference;
        String routeBookingId;
        Instant receivedAt;

        Builder(String id) {
            this.id = id;
            this.applied = new ArrayList<>();
            this.unitItems = List.of();
        }

        Builder(BookingFact f) {
            id = f.id;
            revision = f.revision;
            applied = new ArrayList<>(f.appliedEvents);
            status = f.status;
            lastEventAt = f.lastEventAt;
            operatorId = f.operatorId;
            operatorName = f.operatorName;
            enterpriseId = f.enterpriseId;
            enterpriseName = f.enterpriseName;
            programId = f.programId;
            programTitle = f.programTitle;
            slotId = f.slotId;
            visitStart = f.visitStart;
            timeZone = f.timeZone;
            visitDate = f.visitDate;
            visitMonth = f.visitMonth;
            units = f.units;
            unitItems = f.unitItems;
            bookedAt = f.bookedAt;
            confirmedAt = f.confirmedAt;
            cancelledAt = f.cancelledAt;
            cancelledBy = f.cancelledBy;
            cancelReason = f.cancelReason;
            cancellationCutoffHours = f.cancellationCutoffHours;
            noShow = f.noShow;
            imported = f.imported;
            supplierReference = f.supplierReference;
            resellerReference = f.resellerReference;
            routeBookingId = f.routeBookingId;
            receivedAt = f.receivedAt;
        }

        /** The visit's facts: from the newest event, or from an older one where nothing is known yet. */
        void visit(BookingEvent e, boolean newest) {
            if (e.operatorId() != null && (newest || operatorId == null)) {
                operatorId = e.operatorId();
            }
            if (e.slotId() != null && (newest || slotId == null)) {
                slotId = e.slotId();
            }
            if (e.units() != null && (newest || units == 0)) {
                units = e.units();
            }
            BookingEvent.Visit v = e.visit();
            if (v == null || !(newest || visitStart == null)) {
                return;
            }
            if (v.operator() != null) {
                operatorId = operatorId == null ? v.operator().id() : operatorId;
                operatorName = v.operator().name() != null ? v.operator().name() : operatorName;
            }
            if (v.enterprise() != null) {
                enterpriseId = v.enterprise().id();
                enterpriseName = v.enterprise().name();
            }
            if (v.productId() != null) {
                programId = v.productId();
            }
            else if (e.excursionId() != null) {
                programId = e.excursionId();
            }
            if (v.excursionTitle() != null) {
                programTitle = v.excursionTitle().ru();
            }
            if (v.start() != null) {
                visitStart = v.start();
                timeZone = v.timeZone() != null ? v.timeZone()
                        : v.enterprise() != null ? v.enterprise().timeZone() : timeZone;
                LocalDate date = localDate(v.start(), v.localStart(), timeZone);
                visitDate = date.toString();
                visitMonth = date.toString().substring(0, 7);
            }
            if (v.cancellationCutoffHours() != null) {
                cancellationCutoffHours = v.cancellationCutoffHours();
            }
            if (v.unitItems() != null && !v.unitItems().isEmpty()) {
                unitItems = v.unitItems().stream().map(u -> new UnitCount(u.unitId(), u.type(), u.quantity())).toList();
            }
            if (v.units() != null) {
                units = v.units();
            }
            supplierReference = v.supplierReference() != null ? v.supplierReference() : supplierReference;
            resellerReference = v.resellerReference() != null ? v.resellerReference() : resellerReference;
            if (v.bookedAt() != null) {
                bookedAt = v.bookedAt();
            }
            else if (bookedAt == null && e.octoBooking() != null && e.octoBooking().utcCreatedAt() != null) {
                bookedAt = e.octoBooking().utcCreatedAt();
            }
        }

        BookingFact build() {
            return new BookingFact(id, revision, List.copyOf(applied), status, lastEventAt, operatorId, operatorName,
                    enterpriseId, enterpriseName, programId, programTitle, slotId, visitStart, timeZone, visitDate,
                    visitMonth, units, unitItems == null ? List.of() : List.copyOf(unitItems), bookedAt, confirmedAt,
                    cancelledAt, cancelledBy, cancelReason, cancellationCutoffHours, noShow, imported,
                    supplierReference, resellerReference, routeBookingId, receivedAt);
        }
    }
}
