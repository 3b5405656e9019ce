package ru.promtour.booking.booking;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One operator's booking of one slot: the aggregate, immutable. Its transitions are methods that return the
 * changed booking (built from a {@link Draft} of this one); {@link BookingStore} writes it with a guard on the
 * version read, together with the events the transition caused, in one single-document update.
 * <p>
 * Ids: {@code id} is ours (OCTO {@code id}, the events' {@code bookingId}; derived from the operator and its
 * uuid); {@code uuid} is the operator's idempotency key, unique per operator.
 *
 * @param operatorName          the operator's registered name as the gateway's token carried it at reserve (may be null)
 * @param operatorEmail         the operator's registered email, likewise
 * @param localDate             yyyy-MM-dd of the start in the enterprise's zone, for OCTO's localDate filters
 * @param awaitingApproval      PENDING at an on-request site until the enterprise decides
 * @param manifestWarnedAt      when ManifestIncomplete was emitted (once per booking)
 * @param personalDataRemovedAt when the visitors' personal data was removed (retention)
 * @param waitlist              set on a booking that joined the slot's waitlist (status WAITLISTED until an offer)
 * @param routeBookingId        set on a leg of a route booking
 * @param noShow                set when the enterprise marked the confirmed group a no-show (still CONFIRMED)
 * @param imported              true on a booking of a previous registry imported by the admin (issue 18), else null
 */
public record Booking(@Id String id,
                      String uuid,
                      String operatorId,
                      String operatorName,
                      String operatorEmail,
                      String requestHash,
                      String supplierReference,
                      String resellerReference,
                      BookingStatus status,
                      boolean awaitingApproval,
                      String productId,
                      String slotId,
                      String enterpriseId,
                      Instant start,
                      String timeZone,
                      String localDate,
                      BookingMode bookingMode,
                      int units,
                      List<UnitItem> unitItems,
                      Contact contact,
                      String notes,
                      Integer expirationMinutes,
                      Instant utcCreatedAt,
                      Instant utcUpdatedAt,
                      Instant utcExpiresAt,
                      Instant utcConfirmedAt,
                      Instant heldAt,
                      Cancellation cancellation,
                      String declineReason,
                      Instant manifestWarnedAt,
                      Instant personalDataRemovedAt,
                      Waitlist waitlist,
                      String routeBookingId,
                      NoShow noShow,
                      long version,
                      Boolean imported) {

    public static final String COLLECTION = "bookings";
    /** How many sent events a booking document keeps in {@code outboxHistory} (a lifecycle has a dozen or so). */
    public static final int HISTORY_LIMIT = 50;
    public static final String OPTION_ID = "DEFAULT";

    public Booking {
        unitItems = unitItems == null ? List.of() : List.copyOf(unitItems);
    }

    /** A new reservation whose seats the ledger has just held: ON_HOLD until {@code expiresAt}. */
    public static Booking held(String id, String uuid, Operator operator, String requestHash, String supplierReference,
                               ReserveCommand command, List<UnitItem> items, String enterpriseId, Instant start,
                               String timeZone, String localDate, BookingMode bookingMode, Instant now, Instant expiresAt) {
        Draft b = new Draft();
        b.id = id;
        b.uuid = uuid;
        b.operatorId = operator.id();
        b.operatorName = operator.name();
        b.operatorEmail = operator.email();
        b.requestHash = requestHash;
        b.supplierReference = supplierReference;
        b.resellerReference = command.resellerReference();
        b.status = BookingStatus.ON_HOLD;
        b.heldAt = now;
        b.utcExpiresAt = expiresAt;
        b.productId = command.productId();
        b.slotId = command.availabilityId();
        b.enterpriseId = enterpriseId;
        b.start = start;
        b.timeZone = timeZone;
        b.localDate = localDate;
        b.bookingMode = bookingMode;
        b.units = items.size();
        b.unitItems = List.copyOf(items);
        b.contact = command.contact();
        b.notes = command.notes();
        b.expirationMinutes = command.expirationMinutes();
        b.utcCreatedAt = now;
        b.utcUpdatedAt = now;
        b.version = 0;
        return b.build();
    }

    /**
     * A reservation of a sold-out slot that joined its waitlist: no seats until an offer ({@link #offered}); OCTO
     * shows it PENDING with its {@code waitlist}.
     */
    public static Booking waitlisted(String id, String uuid, Operator operator, String requestHash, String supplierReference,
                                     ReserveCommand command, List<UnitItem> items, String enterpriseId, Instant start,
                                     String timeZone, String localDate, BookingMode bookingMode, Instant now) {
        Draft b = new Draft(held(id, uuid, operator, requestHash, supplierReference, command, items, enterpriseId, start,
                timeZone, localDate, bookingMode, now, null), now);
        b.status = BookingStatus.WAITLISTED;
        b.heldAt = null;
        b.waitlist = new Waitlist(now, null, null);
        return b.build();
    }

    /** Seats came back and the ledger holds them for this waitlisted booking: ON_HOLD until {@code expiresAt}. */
    public Booking offered(Instant now, Instant expiresAt) {
        Draft b = new Draft(this, now);
        b.status = BookingStatus.ON_HOLD;
        b.heldAt = now;
        b.utcExpiresAt = expiresAt;
        b.waitlist = new Waitlist(waitlist == null ? utcCreatedAt : waitlist.joinedAt(), now, expiresAt);
        return b.build();
    }

    /** The same booking as history imported from a previous registry ({@code imported: true}). */
    public Booking asImported() {
        Draft b = new Draft(this, utcUpdatedAt);
        b.imported = Boolean.TRUE;
        return b.build();
    }

    /** Imported from a previous registry: its events are history, nobody is notified of them. */
    public boolean wasImported() {
        return Boolean.TRUE.equals(imported);
    }

    /** A leg of a route booking. */
    public Booking asLegOf(String routeBookingId) {
        Draft b = new Draft(this, utcUpdatedAt);
        b.routeBookingId = routeBookingId;
        return b.build();
    }

    /** The status as OCTO names it: the waitlist is OCTO's PENDING (no seats yet, nothing to confirm). */
    public String octoStatus() {
        return status == BookingStatus.WAITLISTED ? BookingStatus.PENDING.name() : status.name();
    }

    /**
     * A booking's place on the slot's waitlist.
     *
     * @param offeredAt      when seats came back and were held for it (null while waiting)
     * @param offerExpiresAt until when the offer's hold lasts
     */
    public record Waitlist(Instant joinedAt, Instant offeredAt, Instant offerExpiresAt) {
    }

    /** An on-request site: confirming asks the enterprise, which approves or declines. */
    public boolean onRequest() {
        return bookingMode == BookingMode.ON_REQUEST;
    }

    /** Sold, or held while the enterprise decides: past the cancellation cut-off such a booking stays. */
    public boolean soldOrAwaitingApproval() {
        return status == BookingStatus.CONFIRMED || (status == BookingStatus.PENDING && awaitingApproval);
    }

    /** Whether the hold has run out at {@code now} (the sweeper may not have caught it yet). */
    public boolean holdRunOut(Instant now) {
        return status == BookingStatus.ON_HOLD && utcExpiresAt != null && !now.isBefore(utcExpiresAt);
    }

    public Booking extended(Instant now, Instant expiresAt) {
        Draft b = new Draft(this, now);
        b.utcExpiresAt = expiresAt;
        return b.build();
    }

    /** INSTANT: confirmed at once; ON_REQUEST: waits for the enterprise, no longer expires. */
    public Booking confirmed(Instant now, Contact contact, List<UnitItem> items, String resellerReference, boolean onRequest) {
        Draft b = new Draft(this, now);
        b.contact = contact;
        b.unitItems = List.copyOf(items);
        if (resellerReference != null) {
            b.resellerReference = resellerReference;
        }
        b.utcExpiresAt = null;
        if (onRequest) {
            b.status = BookingStatus.PENDING;
            b.awaitingApproval = true;
        }
        else {
            b.status = BookingStatus.CONFIRMED;
            b.utcConfirmedAt = now;
        }
        return b.build();
    }

    public Booking approved(Instant now) {
        Draft b = new Draft(this, now);
        b.status = BookingStatus.CONFIRMED;
        b.awaitingApproval = false;
        b.utcConfirmedAt = now;
        return b.build();
    }

    public Booking declined(Instant now, String reason) {
        Draft b = new Draft(this, now);
        b.status = BookingStatus.REJECTED;
        b.awaitingApproval = false;
        b.declineReason = reason;
        return b.build();
    }

    public Booking cancelled(Instant now, String reason, String by) {
        Draft b = new Draft(this, now);
        b.status = BookingStatus.CANCELLED;
        b.awaitingApproval = false;
        b.utcExpiresAt = null;
        b.cancellation = new Cancellation("FULL", reason, now, by);
        return b.build();
    }

    public Booking expired(Instant now) {
        Draft b = new Draft(this, now);
        b.status = BookingStatus.EXPIRED;
        return b.build();
    }

    /** Contact, visitors, references and notes; a changed number of visitors changes the units. */
    public Booking edited(Instant now, Contact contact, List<UnitItem> items, String resellerReference, String notes) {
        Draft b = new Draft(this, now);
        if (contact != null) {
            b.contact = contact;
        }
        if (items != null) {
            b.unitItems = List.copyOf(items);
            b.units = items.size();
        }
        if (resellerReference != null) {
            b.resellerReference = resellerReference;
        }
        if (notes != null) {
            b.notes = notes;
        }
        return b.build();
    }

    /**
     * Moved to another slot of the same product (date or time); the manifest warning is due again for the new
     * start.
     */
    public Booking moved(Instant now, String slotId, Instant start, String timeZone, String localDate) {
        Draft b = new Draft(this, now);
        b.slotId = slotId;
        b.start = start;
        b.timeZone = timeZone;
        b.localDate = localDate;
        b.manifestWarnedAt = null;
        return b.build();
    }

    public Booking manifestWarned(Instant now) {
        Draft b = new Draft(this, now);
        b.manifestWarnedAt = now;
        return b.build();
    }

    /**
     * Visitors' names, contacts and documents go, and so do the group leader's name, e-mail, phone and the notes
     * (free text an operator may have filled with names), as does a no-show's note; the places, the locale and the
     * history stay.
     */
    public Booking personalDataRemoved(Instant now) {
        Draft b = new Draft(this, now);
        b.unitItems = unitItems().stream().map(UnitItem::anonymous).toList();
        b.contact = contact == null ? null
                : new Contact(null, null, null, null, null, contact.locales(), null, contact.country(), null);
        b.notes = null;
        b.personalDataRemovedAt = now;
        b.noShow = noShow == null ? null : new NoShow(noShow.cause(), null, noShow.markedAt(), noShow.markedBy());
        return b.build();
    }

    /**
     * The confirmed group did not come: only the mark changes (still CONFIRMED, the seats stay sold). Not an update
     * of the OCTO booking, so {@code utcUpdatedAt} stays: the operator reads the same booking as before.
     */
    public Booking markedNoShow(NoShow mark) {
        Draft b = new Draft(this, utcUpdatedAt);
        b.noShow = mark;
        return b.build();
    }

    public String optionId() {
        return OPTION_ID;
    }

    /** Who reserves: the operator tenant's id, and its name and email when the token carries them. */
    public record Operator(String id, String name, String email) {
    }

    /** The mutable copy a transition edits before it becomes the next booking. */
    private static final class Draft {
        private String id;
        private String uuid;
        private String operatorId;
        private String operatorName;
        private String operatorEmail;
        private String requestHash;
        private String supplierReference;
        private String resellerReference;
        private BookingStatus status;
        private boolean awaitingApproval;
        private String productId;
        private String slotId;
        private String enterpriseId;
        private Instant start;
        private String timeZone;
        private String localDate;
        private BookingMode bookingMode;
        private int units;
        private List<UnitItem> unitItems;
        private Contact contact;
        private String notes;
        private Integer expirationMinutes;
        private Instant utcCreatedAt;
        private Instant utcUpdatedAt;
        private Instant utcExpiresAt;
        private Instant utcConfirmedAt;
        private Instant heldAt;
        private Cancellation cancellation;
        private String declineReason;
        private Instant manifestWarnedAt;
        private Instant personalDataRemovedAt;
        private Waitlist waitlist;
        private String routeBookingId;
        private NoShow noShow;
        private long version;
        private Boolean imported;

        Draft() {
        }

        Draft(Booking b, Instant now) {
            id = b.id;
            uuid = b.uuid;
            operatorId = b.operatorId;
            operatorName = b.operatorName;
            operatorEmail = b.operatorEmail;
            requestHash = b.requestHash;
            supplierReference = b.supplierReference;
            resellerReference = b.resellerReference;
            status = b.status;
            awaitingApproval = b.awaitingApproval;
            productId = b.productId;
            slotId = b.slotId;
            enterpriseId = b.enterpriseId;
            start = b.start;
            timeZone = b.timeZone;
            localDate = b.localDate;
            bookingMode = b.bookingMode;
            units = b.units;
            unitItems = b.unitItems;
            contact = b.contact;
            notes = b.notes;
            expirationMinutes = b.expirationMinutes;
            utcCreatedAt = b.utcCreatedAt;
            utcUpdatedAt = now;
            utcExpiresAt = b.utcExpiresAt;
            utcConfirmedAt = b.utcConfirmedAt;
            heldAt = b.heldAt;
            cancellation = b.cancellation;
            declineReason = b.declineReason;
            manifestWarnedAt = b.manifestWarnedAt;
            personalDataRemovedAt = b.personalDataRemovedAt;
            waitlist = b.waitlist;
            routeBookingId = b.routeBookingId;
            noShow = b.noShow;
            version = b.version;
            imported = b.imported;
        }

        Booking build() {
            return new Booking(id, uuid, operatorId, operatorName, operatorEmail, requestHash, supplierReference, resellerReference, status, awaitingApproval, productId, slotId, enterpriseId, start, timeZone, localDate, bookingMode, units, unitItems, contact, notes, expirationMinutes, utcCreatedAt, utcUpdatedAt, utcExpiresAt, utcConfirmedAt, heldAt, cancellation, declineReason, manifestWarnedAt, personalDataRemovedAt, waitlist, routeBookingId, noShow, version, imported);
        }
    }
}
