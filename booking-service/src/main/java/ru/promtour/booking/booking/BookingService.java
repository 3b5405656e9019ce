package ru.promtour.booking.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.BookingRefusal.Code;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The booking lifecycle. Every transition reads the booking, decides on the copy, and writes the copy plus
 * its events with a guard on the version read ({@link BookingStore#write}); when another write won, it
 * decides again on the fresh document. So each transition happens once and emits its event once, however
 * often a request or a catalog answer is repeated.
 */
@Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    private static final int MAX_ATTEMPTS = 20;
    /** How often a waiting reserve re-reads its booking besides the wake-up signal (answers applied elsewhere). */
    private static final Duration POLL = Duration.ofMillis(400);

    private final BookingStore store;
    private final BookingEvents events;
    private final CatalogProjection projection;
    private final BookingSignals signals;
    private final SupplierReferences references;
    private final BookingProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    public BookingService(BookingStore store, BookingEvents events, CatalogProjection projection,
                          BookingSignals signals, SupplierReferences references, BookingProperties properties,
                          Clock clock, JsonMapper json) {
        this.store = store;
        this.events = events;
        this.projection = projection;
        this.signals = signals;
        this.references = references;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    // ---- operator (OCTO) ----

    /**
     * Reserve: validate, store PENDING with its BookingRequested, wait a bounded time for the catalog.
     * A replay of the same uuid with the same body returns the stored booking (and waits like the first call).
     */
    public Booking reserve(String operatorId, ReserveCommand command) {
        return reserve(new Booking.Operator(operatorId, null, null), command);
    }

    /** As above, for an operator whose name and email go into the events (notifications reach it by them). */
    public Booking reserve(Booking.Operator operator, ReserveCommand command) {
        String operatorId = operator.id();
        if (command == null) {
            throw BookingRefusal.badRequest("A JSON body is required");
        }
        String uuid = command.uuid() == null || command.uuid().isBlank() ? UUID.randomUUID().toString() : command.uuid();
        if (!ReservationRules.isUuid(uuid)) {
            throw BookingRefusal.badRequest("uuid must be a UUID, got " + abbreviate(uuid));
        }
        String hash = hash(command);
        Optional<Booking> existing = store.byOperatorUuid(operatorId, uuid);
        if (existing.isPresent()) {
            return replay(existing.get(), hash);
        }
        ExcursionView excursion = product(command.productId());
        if (command.optionId() == null || !Booking.OPTION_ID.equals(command.optionId())) {
            throw new BookingRefusal(Code.INVALID_OPTION_ID, "The optionId was missing or invalid (the only option is "
                    + Booking.OPTION_ID + ")", command.optionId());
        }
        SlotView slot = availability(command.availabilityId(), excursion.id());
        Instant now = clock.instant();
        List<UnitItem> items = ReservationRules.check(command, excursion, slot, now);
        String localDate = LocalDate.ofInstant(slot.start(), ZoneId.of(slot.timeZone())).toString();
        for (int attempt = 0; attempt < 5; attempt++) {
            Booking booking = Booking.reserved(UUID.randomUUID().toString(), uuid, operator, hash, references.next(),
                    command, items, slot.enterpriseId(), slot.start(), slot.timeZone(), localDate,
                    excursion.program().bookingMode(), now);
            try {
                store.insert(booking, events.requested(booking, now));
                return awaitOutcome(booking.id());
            }
            catch (DuplicateKeyException ex) {
                Optional<Booking> raced = store.byOperatorUuid(operatorId, uuid);
                if (raced.isPresent()) {
                    return replay(raced.get(), hash);
                }
                log.info("Supplier reference {} was taken; drawing another", booking.supplierReference());
            }
        }
        throw new IllegalStateException("No free supplier reference after 5 attempts");
    }

    public Booking get(String operatorId, String uuid) {
        return owned(operatorId, uuid);
    }

    /** OCTO's list: by reseller or supplier reference, local date, or a local date range (at least one). */
    public List<Booking> list(String operatorId, String resellerReference, String supplierReference, String localDate,
                              String localDateStart, String localDateEnd) {
        Criteria criteria = where("operatorId").is(operatorId);
        boolean filtered = false;
        if (resellerReference != null && !resellerReference.isBlank()) {
            criteria.and("resellerReference").is(resellerReference);
            filtered = true;
        }
        if (supplierReference != null && !supplierReference.isBlank()) {
            criteria.and("supplierReference").is(supplierReference);
            filtered = true;
        }
        if (localDate != null && !localDate.isBlank()) {
            criteria.and("localDate").is(date("localDate", localDate).toString());
            filtered = true;
        }
        else if (localDateStart != null || localDateEnd != null) {
            if (localDateStart == null || localDateEnd == null) {
                throw BookingRefusal.badRequest("localDateStart and localDateEnd go together");
            }
            LocalDate from = date("localDateStart", localDateStart);
            LocalDate to = date("localDateEnd", localDateEnd);
            if (to.isBefore(from)) {
                throw BookingRefusal.badRequest("localDateEnd must not be before localDateStart");
            }
            if (from.plusDays(366).isBefore(to)) {
                throw BookingRefusal.badRequest("localDateStart..localDateEnd spans at most 366 days");
            }
            criteria.and("localDate").gte(from.toString()).lte(to.toString());
            filtered = true;
        }
        if (!filtered) {
            throw BookingRefusal.badRequest("One of resellerReference, supplierReference, localDate, or localDateStart "
                    + "and localDateEnd is required");
        }
        return store.find(Query.query(criteria).with(Sort.by("start", "utcCreatedAt")).limit(1000));
    }

    /** Confirm a hold: INSTANT → CONFIRMED, ON_REQUEST → PENDING approval. Repeating it changes nothing. */
    public Booking confirm(String operatorId, String uuid, ConfirmCommand command) {
        if (command == null) {
            throw BookingRefusal.badRequest("A JSON body with contact is required");
        }
        ReservationRules.contact("contact", command.contact(), true);
        ReservationRules.text("resellerReference", command.resellerReference(), 100);
        return refusingExpired(() -> change(() -> owned(operatorId, uuid), b -> {
            if (b.status() == BookingStatus.CONFIRMED || (b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                return null;
            }
            Instant now = clock.instant();
            refuseUnlessHeld(b, now, "confirm");
            List<UnitItem> items = b.unitItems();
            if (command.unitItems() != null && !command.unitItems().isEmpty()) {
                items = visitors(b.unitItems(), command.unitItems(), false, program(b));
            }
            boolean onRequest = Program.ON_REQUEST.equals(b.bookingMode());
            Booking after = b.confirmed(now, command.contact(), items, command.resellerReference(), onRequest);
            return new Change(after, onRequest ? events.pendingApproval(after, now) : events.confirmed(after, now));
        }));
    }

    /** Extend a hold while it is ON_HOLD; no event (the catalog keeps the seats until told otherwise). */
    public Booking extend(String operatorId, String uuid, Integer expirationMinutes) {
        if (expirationMinutes != null && expirationMinutes < 1) {
            throw BookingRefusal.badRequest("expirationMinutes must be at least 1");
        }
        return refusingExpired(() -> change(() -> owned(operatorId, uuid), b -> {
            Instant now = clock.instant();
            refuseUnlessHeld(b, now, "extend");
            return new Change(b.extended(now, expiry(now, expirationMinutes)));
        }));
    }

    /** Operator cancel; repeated → the same cancelled booking, no second event. */
    public Booking cancel(String operatorId, String uuid, String reason) {
        ReservationRules.text("reason", reason, 500);
        return change(() -> owned(operatorId, uuid), b -> {
            if (b.status() == BookingStatus.CANCELLED) {
                return null;
            }
            if (!b.status().live()) {
                throw BookingRefusal.unprocessable("A booking that is " + b.status() + " cannot be cancelled");
            }
            Instant now = clock.instant();
            Instant cutoff = cancellationCutoff(b);
            if (soldOrAwaitingApproval(b) && !now.isBefore(cutoff)) {
                throw BookingRefusal.unprocessable("The cancellation cut-off passed at "
                        + ReservationRules.local(cutoff, b.timeZone()) + " (" + b.timeZone() + ")");
            }
            Booking after = b.cancelled(now, reason, Cancellation.OPERATOR);
            return new Change(after, events.cancelled(after, now));
        });
    }

    /**
     * PATCH while cancellable: contact, visitors, references and notes at once; fewer units release the
     * difference at once; more units ask the catalog (same saga) and wait like reserve. A refused growth
     * leaves the booking as it was and answers UNPROCESSABLE_ENTITY.
     */
    public Booking update(String operatorId, String uuid, UpdateCommand c) {
        if (c == null) {
            throw BookingRefusal.badRequest("A JSON body is required");
        }
        ReservationRules.contact("contact", c.contact(), false);
        ReservationRules.text("notes", c.notes(), 1000);
        ReservationRules.text("resellerReference", c.resellerReference(), 100);
        if (c.expirationMinutes() != null && c.expirationMinutes() < 1) {
            throw BookingRefusal.badRequest("expirationMinutes must be at least 1");
        }
        String requestId = UUID.randomUUID().toString();
        Booking result = change(() -> owned(operatorId, uuid), b -> {
            if (c.productId() != null && !c.productId().equals(b.productId())) {
                throw new BookingRefusal(Code.INVALID_PRODUCT_ID, "A booking cannot move to another product; cancel it "
                        + "and book again", c.productId());
            }
            if (c.optionId() != null && !c.optionId().equals(b.optionId())) {
                throw new BookingRefusal(Code.INVALID_OPTION_ID, "The optionId was missing or invalid", c.optionId());
            }
            if (c.availabilityId() != null && !c.availabilityId().equals(b.slotId())) {
                throw new BookingRefusal(Code.INVALID_AVAILABILITY_ID, "A booking cannot move to another availability; "
                        + "cancel it and book again", c.availabilityId());
            }
            if (!cancellable(b) || b.awaitingSeats()) {
                throw BookingRefusal.unprocessable("A booking that is " + b.status()
                        + (b.status().live() ? " past its cancellation cut-off" : "") + " cannot be updated");
            }
            if (b.resize() != null) {
                throw BookingRefusal.unprocessable("A change of units is still waiting for the supplier; retry shortly");
            }
            Instant now = clock.instant();
            Program p = program(b);
            List<UnitItem> items = c.unitItems() == null ? null : visitors(b.unitItems(), c.unitItems(), true, p);
            if (items != null) {
                ReservationRules.checkGroup(items, p);
            }
            List<String> changes = new ArrayList<>();
            if (items != null && items.size() != b.units()) {
                changes.add("UNITS");
            }
            if (c.contact() != null) {
                changes.add("CONTACT");
            }
            if (items != null) {
                changes.add("VISITORS");
            }
            if (c.notes() != null || c.resellerReference() != null) {
                changes.add("NOTES");
            }
            Booking edited = b.edited(now, c.contact(), items != null && items.size() <= b.units() ? items : null,
                    c.resellerReference(), c.notes());
            if (b.status() == BookingStatus.ON_HOLD && c.expirationMinutes() != null) {
                edited = edited.extended(now, expiry(now, c.expirationMinutes()));
            }
            if (items != null && items.size() > b.units()) {
                Booking after = edited.resizeRequested(now, new Resize(requestId, items.size(), b.units(), items));
                List<OutboxEvent> out = new ArrayList<>();
                out.add(events.resizeRequested(after, requestId, items.size(), b.units(), now));
                List<String> other = changes.stream().filter(x -> !x.equals("UNITS") && !x.equals("VISITORS")).toList();
                if (!other.isEmpty()) {
                    out.add(events.updated(after, null, other, now));
                }
                return new Change(after, out.toArray(OutboxEvent[]::new));
            }
            if (changes.isEmpty()) {
                return b.status() == BookingStatus.ON_HOLD && c.expirationMinutes() != null ? new Change(edited) : null;
            }
            List<OutboxEvent> out = new ArrayList<>();
            if (items != null && items.size() < b.units()) {
                out.add(events.resizeRequested(edited, requestId, items.size(), b.units(), now));
            }
            out.add(events.updated(edited, items != null && items.size() != b.units() ? b.units() : null, changes, now));
            return new Change(edited, out.toArray(OutboxEvent[]::new));
        });
        if (result.resize() == null || !requestId.equals(result.resize().requestId())) {
            return result;
        }
        return awaitResize(result.id(), requestId, result.resize().units());
    }

    /** Waits for the catalog's answer to a growth; refused → the OCTO error, the booking unchanged. */
    private Booking awaitResize(String bookingId, String requestId, int wanted) {
        long deadline = System.nanoTime() + properties.reserve().waitFor().toNanos();
        try {
            while (true) {
                CompletableFuture<Void> signal = signals.expect(bookingId);
                Booking b = store.byId(bookingId).orElseThrow();
                boolean pending = b.resize() != null && requestId.equals(b.resize().requestId());
                long remaining = deadline - System.nanoTime();
                if (!pending) {
                    if (b.units() != wanted) {
                        throw BookingRefusal.unprocessable("SOLD_OUT: not enough free seats for " + wanted
                                + " units; the booking keeps its " + b.units());
                    }
                    return b;
                }
                if (remaining <= 0) {
                    return b;
                }
                signals.await(signal, Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
            }
        }
        finally {
            signals.forget(bookingId);
        }
    }

    /** Whether OCTO's {@code cancellable} holds: live, and before the cut-off once seats are sold or awaiting approval. */
    public boolean cancellable(Booking b) {
        if (!b.status().live()) {
            return false;
        }
        return !soldOrAwaitingApproval(b) || clock.instant().isBefore(cancellationCutoff(b));
    }

    // ---- enterprise ----

    /**
     * The bookings of an enterprise's slots, newest start first.
     *
     * @param enterpriseId the calling enterprise; null for the platform admin (every enterprise)
     * @param status       a {@link BookingStatus} name, or null for all
     */
    public List<Booking> forEnterprise(String enterpriseId, String status, String slotId) {
        Criteria criteria = new Criteria();
        if (enterpriseId != null) {
            criteria.and("enterpriseId").is(enterpriseId);
        }
        if (status != null && !status.isBlank()) {
            try {
                criteria.and("status").is(BookingStatus.valueOf(status));
            }
            catch (IllegalArgumentException ex) {
                throw BookingRefusal.badRequest("status must be one of " + java.util.Arrays.toString(BookingStatus.values()));
            }
        }
        if (slotId != null && !slotId.isBlank()) {
            criteria.and("slotId").is(slotId);
        }
        return store.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "start")).limit(1000));
    }

    /** One booking of the enterprise's slots; another enterprise's is as unknown as a missing one. */
    public Booking ofEnterprise(String enterpriseId, String bookingId) {
        return store.byId(bookingId).filter(b -> enterpriseId == null || enterpriseId.equals(b.enterpriseId()))
                .orElseThrow(() -> BookingRefusal.unknownBooking(bookingId));
    }

    /** ON_REQUEST: the enterprise accepts the group → CONFIRMED + BookingApproved (the catalog sells the seats). */
    public Booking approve(String enterpriseId, String bookingId) {
        return change(() -> ofEnterprise(enterpriseId, bookingId), b -> {
            if (b.status() == BookingStatus.CONFIRMED && "ON_REQUEST".equals(b.bookingMode())) {
                return null;
            }
            if (!(b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                throw BookingRefusal.unprocessable("Only a booking awaiting approval can be approved; this one is " + b.status());
            }
            Instant now = clock.instant();
            Booking after = b.approved(now);
            return new Change(after, events.approved(after, now));
        });
    }

    /** ON_REQUEST: the enterprise refuses the group → REJECTED + BookingDeclined (the catalog releases the seats). */
    public Booking decline(String enterpriseId, String bookingId, String reason) {
        ReservationRules.text("reason", reason, 500);
        return change(() -> ofEnterprise(enterpriseId, bookingId), b -> {
            if (b.status() == BookingStatus.REJECTED && b.declineReason() != null) {
                return null;
            }
            if (!(b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                throw BookingRefusal.unprocessable("Only a booking awaiting approval can be declined; this one is " + b.status());
            }
            Instant now = clock.instant();
            Booking after = b.declined(now, reason == null || reason.isBlank() ? "—" : reason.strip());
            return new Change(after, events.declined(after, now));
        });
    }

    // ---- the catalog's answers ----

    /** {@code SeatsHeld}: the reserve's hold (no request id) or a resize's growth. Duplicates match nothing. */
    public void seatsHeld(String bookingId, String requestId) {
        change(() -> store.byId(bookingId).orElse(null), b -> {
            Instant now = clock.instant();
            if (requestId == null) {
                if (!b.awaitingSeats()) {
                    return null;
                }
                Booking after = b.held(now, expiry(now, b.expirationMinutes()));
                return new Change(after, events.held(after, now));
            }
            Resize r = b.resize();
            if (r == null || !requestId.equals(r.requestId())) {
                return null;
            }
            Booking after = b.resizeAnswered(now).edited(now, null, r.unitItems(), null, null);
            return new Change(after, events.updated(after, r.previousUnits(), List.of("UNITS"), now));
        });
    }

    /** {@code SeatsRejected}: the reserve is REJECTED, or a resize is dropped with the booking unchanged. */
    public void seatsRejected(String bookingId, String requestId, String reason, int units) {
        change(() -> store.byId(bookingId).orElse(null), b -> {
            Instant now = clock.instant();
            if (requestId == null) {
                if (!b.awaitingSeats()) {
                    return null;
                }
                Booking after = b.rejected(now, reason);
                return new Change(after, events.rejected(after, null, after.units(), reason, now));
            }
            Resize r = b.resize();
            if (r == null || !requestId.equals(r.requestId())) {
                return null;
            }
            Booking after = b.resizeAnswered(now);
            return new Change(after, events.rejected(after, requestId, Math.max(1, units), reason, now));
        });
    }

    /** {@code SlotCancelled}: every live booking on the slot is cancelled by the supplier, each with its event. */
    public int supplierCancelled(String slotId, String reason) {
        String why = "Supplier cancellation" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        String text = why.length() > 500 ? why.substring(0, 500) : why;
        int cancelled = 0;
        List<Booking> live = store.find(Query.query(where("slotId").is(slotId)
                .and("status").in(BookingStatus.PENDING, BookingStatus.ON_HOLD, BookingStatus.CONFIRMED)));
        for (Booking found : live) {
            AtomicBoolean done = new AtomicBoolean();
            change(() -> store.byId(found.id()).orElse(null), b -> {
                done.set(b.status().live());
                if (!done.get()) {
                    return null;
                }
                Instant now = clock.instant();
                Booking after = b.cancelled(now, text, Cancellation.SUPPLIER);
                return new Change(after, events.cancelled(after, now));
            });
            if (done.get()) {
                cancelled++;
            }
        }
        return cancelled;
    }

    // ---- expiry ----

    /** Expires every hold whose time ran out (at most {@code limit}); returns how many. */
    public int expireDue(int limit) {
        Instant now = clock.instant();
        List<Booking> due = store.find(Query.query(where("status").is(BookingStatus.ON_HOLD).and("utcExpiresAt").lte(now))
                .limit(limit));
        int expired = 0;
        for (Booking b : due) {
            if (expire(b.id())) {
                expired++;
            }
        }
        return expired;
    }

    /** ON_HOLD and run out → EXPIRED + BookingExpired; anything else: nothing. True when this call expired it. */
    public boolean expire(String bookingId) {
        AtomicBoolean expired = new AtomicBoolean();
        change(() -> store.byId(bookingId).orElse(null), b -> {
            Instant now = clock.instant();
            expired.set(b.holdRunOut(now));
            if (!expired.get()) {
                return null;
            }
            Booking after = b.expired(now);
            return new Change(after, events.expired(after, now));
        });
        return expired.get();
    }

    // ---- helpers ----

    /** A transition's outcome: the changed copy and the events it causes. */
    record Change(Booking after, OutboxEvent... events) {
    }

    /**
     * Read, decide, write with the version guard; again when another write won. {@code decide} returns null
     * for "nothing to do" (the current booking is the answer) or throws a refusal.
     */
    Booking change(Supplier<Booking> read, Function<Booking, Change> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Booking before = read.get();
            if (before == null) {
                return null;
            }
            Change change = decide.apply(before);
            if (change == null) {
                return before;
            }
            Optional<Booking> after = store.write(before, change.after(), change.events());
            if (after.isPresent()) {
                signals.signal(before.id());
                return after.get();
            }
        }
        throw new IllegalStateException("Booking changed too often to apply the change; retry");
    }

    private Booking replay(Booking stored, String hash) {
        if (!hash.equals(stored.requestHash())) {
            throw BookingRefusal.badRequest("The uuid " + stored.uuid() + " was already used for a different "
                    + "reservation; use a new uuid for a new booking (OCTO has no dedicated error code for this)");
        }
        return awaitOutcome(stored.id());
    }

    /** Waits up to the configured time for the catalog's answer; a rejection becomes the OCTO error. */
    private Booking awaitOutcome(String bookingId) {
        long deadline = System.nanoTime() + properties.reserve().waitFor().toNanos();
        try {
            while (true) {
                CompletableFuture<Void> signal = signals.expect(bookingId);
                Booking b = store.byId(bookingId).orElseThrow();
                long remaining = deadline - System.nanoTime();
                if (!b.awaitingSeats() || remaining <= 0) {
                    if (b.status() == BookingStatus.REJECTED && "REJECTED".equals(b.seatOutcome())) {
                        throw BookingRefusal.unprocessable(rejection(b.rejectReason()));
                    }
                    return b;
                }
                signals.await(signal, Duration.ofNanos(Math.min(remaining, POLL.toNanos())));
            }
        }
        finally {
            signals.forget(bookingId);
        }
    }

    private static String rejection(String reason) {
        String why = switch (reason == null ? "" : reason) {
            case "SOLD_OUT" -> "not enough free seats";
            case "SLOT_CLOSED" -> "the availability is closed";
            case "SLOT_CANCELLED" -> "the availability was cancelled";
            case "CUTOFF_PASSED" -> "the booking cut-off has passed";
            case "UNKNOWN_SLOT" -> "the availability is unknown to the supplier";
            default -> "the supplier refused";
        };
        return reason + ": " + why;
    }

    /** ON_HOLD and not run out; an expired hold is expired on the spot and refused as OCTO says. */
    private void refuseUnlessHeld(Booking b, Instant now, String action) {
        if (b.holdRunOut(now) || b.status() == BookingStatus.EXPIRED) {
            throw new ExpiredHold(b);
        }
        if (b.status() != BookingStatus.ON_HOLD) {
            throw BookingRefusal.unprocessable("Cannot " + action + " a booking that is " + b.status()
                    + (b.awaitingSeats() ? " (seats not held yet: poll GET /bookings/" + b.uuid() + ")" : ""));
        }
    }

    /** Thrown inside a decision: the hold ran out; expire it first, then refuse. */
    private static final class ExpiredHold extends RuntimeException {
        private final Booking booking;

        ExpiredHold(Booking booking) {
            super(null, null, false, false);
            this.booking = booking;
        }
    }

    /** Runs a hold's transition; a hold found run out is expired (with its event) and refused as OCTO says. */
    private Booking refusingExpired(Supplier<Booking> transition) {
        try {
            return transition.get();
        }
        catch (ExpiredHold ex) {
            expire(ex.booking.id());
            throw new BookingRefusal(Code.INVALID_BOOKING_UUID, "The booking expired at "
                    + ex.booking.utcExpiresAt() + " and can no longer be confirmed or extended; reserve again",
                    ex.booking.uuid());
        }
    }

    private boolean soldOrAwaitingApproval(Booking b) {
        return b.status() == BookingStatus.CONFIRMED || (b.status() == BookingStatus.PENDING && b.awaitingApproval());
    }

    private Instant cancellationCutoff(Booking b) {
        return ReservationRules.cutoff(b.start(), b.timeZone(), program(b).cancellationCutoffHours());
    }

    private Instant expiry(Instant now, Integer minutes) {
        int wanted = minutes == null ? properties.hold().defaultMinutes() : minutes;
        return now.plus(Duration.ofMinutes(Math.min(wanted, properties.hold().maxMinutes())));
    }

    /** The operator's booking by uuid; another operator's is as unknown as a missing one. */
    private Booking owned(String operatorId, String uuid) {
        if (uuid == null || uuid.isBlank()) {
            throw BookingRefusal.unknownBooking(uuid);
        }
        return store.byOperatorUuid(operatorId, uuid).orElseThrow(() -> BookingRefusal.unknownBooking(uuid));
    }

    private ExcursionView product(String productId) {
        if (productId == null || productId.isBlank()) {
            throw new BookingRefusal(Code.INVALID_PRODUCT_ID, "productId is required", productId);
        }
        return projection.excursion(productId).filter(ExcursionView::published)
                .orElseThrow(() -> new BookingRefusal(Code.INVALID_PRODUCT_ID, "The productId was missing or invalid",
                        productId));
    }

    private SlotView availability(String availabilityId, String productId) {
        if (availabilityId == null || availabilityId.isBlank()) {
            throw new BookingRefusal(Code.INVALID_AVAILABILITY_ID, "availabilityId is required", availabilityId);
        }
        return projection.slot(availabilityId).filter(s -> productId.equals(s.excursionId()))
                .orElseThrow(() -> new BookingRefusal(Code.INVALID_AVAILABILITY_ID,
                        "The availabilityId was missing or invalid for this product", availabilityId));
    }

    Program program(Booking b) {
        return projection.excursion(b.productId()).map(ExcursionView::program)
                .orElseThrow(() -> new IllegalStateException("Excursion " + b.productId() + " is missing from the projection"));
    }

    /**
     * Visitors for the existing items: matched by item uuid, else the next unmatched item of the same unit.
     * With {@code resize} the list may differ in length and units (PATCH); without, it must keep them.
     */
    static List<UnitItem> visitors(List<UnitItem> current, List<UnitItemInput> inputs, boolean resize, Program p) {
        List<UnitItem> typed = ReservationRules.unitItems(inputs, p, "unitItems");
        if (resize) {
            return typed;
        }
        if (typed.size() != current.size()
                || !sortedUnits(typed).equals(sortedUnits(current))) {
            throw BookingRefusal.badRequest("unitItems must keep the reserved units (" + current.size()
                    + "); change units with PATCH /bookings/{uuid}");
        }
        List<UnitItem> result = new ArrayList<>(current);
        boolean[] used = new boolean[current.size()];
        for (int i = 0; i < inputs.size(); i++) {
            UnitItemInput in = inputs.get(i);
            int index = -1;
            for (int j = 0; j < current.size() && index < 0; j++) {
                if (!used[j] && in.uuid() != null && in.uuid().equals(current.get(j).uuid())) {
                    index = j;
                }
            }
            for (int j = 0; j < current.size() && index < 0; j++) {
                if (!used[j] && current.get(j).unitId().equals(in.unitId())) {
                    index = j;
                }
            }
            used[index] = true;
            UnitItem old = current.get(index);
            result.set(index, new UnitItem(old.uuid(), old.unitId(), old.type(),
                    in.resellerReference() != null ? in.resellerReference() : old.resellerReference(),
                    in.contact() != null ? in.contact() : old.contact(),
                    in.visitor() != null ? in.visitor() : old.visitor()));
        }
        return result;
    }

    private static List<String> sortedUnits(List<UnitItem> items) {
        return items.stream().map(UnitItem::unitId).sorted().toList();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        }
        catch (RuntimeException ex) {
            throw BookingRefusal.badRequest(field + " must be a date like 2026-12-01");
        }
    }

    /** The canonical reserve body without its uuid: same request → same hash. */
    private String hash(ReserveCommand c) {
        ReserveCommand canonical = new ReserveCommand(null, c.productId(), c.optionId(), c.availabilityId(),
                c.expirationMinutes(), c.notes(), c.unitItems(), c.resellerReference(), c.contact());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
