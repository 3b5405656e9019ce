package ru.promtour.booking.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One operator's booking of one slot: the aggregate. Its transitions are methods that return a changed copy;
 * {@link BookingStore} writes the copy with a guard on the version read, together with the events the
 * transition caused, in one single-document update.
 * <p>
 * Ids: {@code id} is ours (OCTO {@code id}, the events' {@code bookingId}); {@code uuid} is the operator's
 * idempotency key, unique per operator.
 */
public class Booking {

    public static final String COLLECTION = "bookings";
    public static final String OPTION_ID = "DEFAULT";

    @Id
    private String id;
    private String uuid;
    private String operatorId;
    /** The operator's registered name and email as the gateway's token carried them at reserve (may be null). */
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
    /** yyyy-MM-dd of the start in the enterprise's zone, for OCTO's localDate filters. */
    private String localDate;
    private String bookingMode;
    private int units;
    private List<UnitItem> unitItems = new ArrayList<>();
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
    /** When ManifestIncomplete was emitted (once per booking). */
    private Instant manifestWarnedAt;
    /** When the visitors' personal data was removed (retention). */
    private Instant personalDataRemovedAt;
    private long version;

    Booking() {
    }

    /** A new reservation whose seats the ledger has just held: ON_HOLD until {@code expiresAt}. */
    static Booking held(String id, String uuid, Operator operator, String requestHash, String supplierReference,
                        ReserveCommand command, List<UnitItem> items, String enterpriseId, Instant start,
                        String timeZone, String localDate, String bookingMode, Instant now, Instant expiresAt) {
        Booking b = new Booking();
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
        return b;
    }

    private Booking copy(Instant now) {
        Booking b = new Booking();
        b.id = id;
        b.uuid = uuid;
        b.operatorId = operatorId;
        b.operatorName = operatorName;
        b.operatorEmail = operatorEmail;
        b.requestHash = requestHash;
        b.supplierReference = supplierReference;
        b.resellerReference = resellerReference;
        b.status = status;
        b.awaitingApproval = awaitingApproval;
        b.productId = productId;
        b.slotId = slotId;
        b.enterpriseId = enterpriseId;
        b.start = start;
        b.timeZone = timeZone;
        b.localDate = localDate;
        b.bookingMode = bookingMode;
        b.units = units;
        b.unitItems = unitItems;
        b.contact = contact;
        b.notes = notes;
        b.expirationMinutes = expirationMinutes;
        b.utcCreatedAt = utcCreatedAt;
        b.utcUpdatedAt = now;
        b.utcExpiresAt = utcExpiresAt;
        b.utcConfirmedAt = utcConfirmedAt;
        b.heldAt = heldAt;
        b.cancellation = cancellation;
        b.declineReason = declineReason;
        b.manifestWarnedAt = manifestWarnedAt;
        b.personalDataRemovedAt = personalDataRemovedAt;
        b.version = version;
        return b;
    }

    /** An on-request site: confirming asks the enterprise, which approves or declines. */
    public boolean onRequest() {
        return BookingMode.ON_REQUEST.name().equals(bookingMode);
    }

    /** Sold, or held while the enterprise decides: past the cancellation cut-off such a booking stays. */
    public boolean soldOrAwaitingApproval() {
        return status == BookingStatus.CONFIRMED || (status == BookingStatus.PENDING && awaitingApproval);
    }

    /** Whether the hold has run out at {@code now} (the sweeper may not have caught it yet). */
    public boolean holdRunOut(Instant now) {
        return status == BookingStatus.ON_HOLD && utcExpiresAt != null && !now.isBefore(utcExpiresAt);
    }

    Booking extended(Instant now, Instant expiresAt) {
        Booking b = copy(now);
        b.utcExpiresAt = expiresAt;
        return b;
    }

    /** INSTANT: confirmed at once; ON_REQUEST: waits for the enterprise, no longer expires. */
    Booking confirmed(Instant now, Contact contact, List<UnitItem> items, String resellerReference, boolean onRequest) {
        Booking b = copy(now);
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
        return b;
    }

    Booking approved(Instant now) {
        Booking b = copy(now);
        b.status = BookingStatus.CONFIRMED;
        b.awaitingApproval = false;
        b.utcConfirmedAt = now;
        return b;
    }

    Booking declined(Instant now, String reason) {
        Booking b = copy(now);
        b.status = BookingStatus.REJECTED;
        b.awaitingApproval = false;
        b.declineReason = reason;
        return b;
    }

    Booking cancelled(Instant now, String reason, String by) {
        Booking b = copy(now);
        b.status = BookingStatus.CANCELLED;
        b.awaitingApproval = false;
        b.utcExpiresAt = null;
        b.cancellation = new Cancellation("FULL", reason, now, by);
        return b;
    }

    Booking expired(Instant now) {
        Booking b = copy(now);
        b.status = BookingStatus.EXPIRED;
        return b;
    }

    /** Contact, visitors, references and notes; a changed number of visitors changes the units. */
    Booking edited(Instant now, Contact contact, List<UnitItem> items, String resellerReference, String notes) {
        Booking b = copy(now);
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
        return b;
    }

    Booking manifestWarned(Instant now) {
        Booking b = copy(now);
        b.manifestWarnedAt = now;
        return b;
    }

    /** Visitors' names, contacts and documents go; the places, the leader and the history stay. */
    Booking personalDataRemoved(Instant now) {
        Booking b = copy(now);
        b.unitItems = unitItems().stream().map(UnitItem::anonymous).toList();
        b.personalDataRemovedAt = now;
        return b;
    }

    public String id() { return id; }
    public String uuid() { return uuid; }
    public String operatorId() { return operatorId; }
    public String operatorName() { return operatorName; }
    public String operatorEmail() { return operatorEmail; }

    /** Who reserves: the operator tenant's id, and its name and email when the token carries them. */
    public record Operator(String id, String name, String email) {
    }
    public String requestHash() { return requestHash; }
    public String supplierReference() { return supplierReference; }
    public String resellerReference() { return resellerReference; }
    public BookingStatus status() { return status; }
    public boolean awaitingApproval() { return awaitingApproval; }
    public String productId() { return productId; }
    public String optionId() { return OPTION_ID; }
    public String slotId() { return slotId; }
    public String enterpriseId() { return enterpriseId; }
    public Instant start() { return start; }
    public String timeZone() { return timeZone; }
    public String localDate() { return localDate; }
    public String bookingMode() { return bookingMode; }
    public int units() { return units; }
    public List<UnitItem> unitItems() { return unitItems == null ? List.of() : unitItems; }
    public Contact contact() { return contact; }
    public String notes() { return notes; }
    public Integer expirationMinutes() { return expirationMinutes; }
    public Instant utcCreatedAt() { return utcCreatedAt; }
    public Instant utcUpdatedAt() { return utcUpdatedAt; }
    public Instant utcExpiresAt() { return utcExpiresAt; }
    public Instant utcConfirmedAt() { return utcConfirmedAt; }
    public Instant heldAt() { return heldAt; }
    public Cancellation cancellation() { return cancellation; }
    public String declineReason() { return declineReason; }
    public Instant manifestWarnedAt() { return manifestWarnedAt; }
    public Instant personalDataRemovedAt() { return personalDataRemovedAt; }
    public long version() { return version; }
}
