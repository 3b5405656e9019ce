package ru.promtour.booking.booking.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingMode;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingRefusal.Code;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.Cancellation;
import ru.promtour.booking.booking.Contact;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.expiry.HoldExpiry;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.Hold;
import ru.promtour.booking.ledger.SeatLedger.HoldResult;
import ru.promtour.booking.ledger.SeatLedger.ResizeResult;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What a tour operator does over OCTO: reserve, confirm, extend, update, cancel, look up.
 * <p>
 * Reserve answers at once and waits on no other process: the slot's seat ledger decides in one conditional
 * write ({@link SeatLedger#hold}), then the booking is inserted ON_HOLD. The booking's id is derived from the
 * operator and its uuid, so the ledger's guard "this booking holds nothing here yet" is also the idempotency
 * guard: a replay finds its entry and returns the stored booking. A process that dies between the two writes
 * leaves a hold without a booking; the operator's retry with the same uuid writes the booking, and
 * {@link ru.promtour.booking.booking.expiry.OrphanHoldSweeper} releases it otherwise.
 */
@Service
public class OperatorBookings {

    private static final Logger log = LoggerFactory.getLogger(OperatorBookings.class);
    /** The {@code locale} of every product (catalog): the group leader's language when the contact names none. */
    static final String PRODUCT_LOCALE = "ru";

    private final BookingChanges changes;
    private final BookingStore store;
    private final BookingEvents events;
    private final CatalogProjection projection;
    private final SeatLedger ledger;
    private final HoldExpiry expiry;
    private final SupplierReferences references;
    private final BookingProperties properties;
    private final JsonMapper json;

    OperatorBookings(BookingChanges changes, BookingStore store, BookingEvents events, CatalogProjection projection,
                     SeatLedger ledger, HoldExpiry expiry, SupplierReferences references, BookingProperties properties,
                     JsonMapper json) {
        this.changes = changes;
        this.store = store;
        this.events = events;
        this.projection = projection;
        this.ledger = ledger;
        this.expiry = expiry;
        this.references = references;
        this.properties = properties;
        this.json = json;
    }

    /** The booking id of an operator's uuid: the same request always names the same booking (UUID v3). */
    public static String bookingId(String operatorId, String uuid) {
        return UUID.nameUUIDFromBytes((operatorId + "\n" + uuid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Reserve: validate against the projection, hold in the ledger, store ON_HOLD. A replay of the same uuid with
     * the same body returns the stored booking; with another body it is refused.
     */
    public Booking reserve(Booking.Operator operator, ReserveCommand command) {
        return reserve(operator, command, null);
    }

    /** A leg of a route booking: an ordinary reserve whose booking names its route ({@code routeBookingId}). */
    public Booking reserveLeg(Booking.Operator operator, ReserveCommand command, String routeBookingId) {
        return reserve(operator, command, routeBookingId);
    }

    private Booking reserve(Booking.Operator operator, ReserveCommand command, String routeBookingId) {
        if (command == null) {
            throw BookingRefusal.badRequest("A JSON body is required");
        }
        String uuid = command.uuid() == null || command.uuid().isBlank() ? UUID.randomUUID().toString() : command.uuid();
        if (!ReservationRules.isUuid(uuid)) {
            throw BookingRefusal.badRequest("uuid must be a UUID, got " + abbreviate(uuid));
        }
        String hash = requestHash(command);
        String bookingId = bookingId(operator.id(), uuid);
        ExcursionView excursion;
        SlotView slot;
        List<UnitItem> items;
        Instant now = changes.now();
        try {
            excursion = product(command.productId());
            if (command.optionId() == null || !Booking.OPTION_ID.equals(command.optionId())) {
                throw new BookingRefusal(Code.INVALID_OPTION_ID, "The optionId was missing or invalid (the only option is "
                        + Booking.OPTION_ID + ")", command.optionId());
            }
            slot = availability(command.availabilityId(), excursion.id());
            items = ReservationRules.check(command, excursion);
        }
        catch (BookingRefusal refusal) {
            // a replay is answered with the stored booking even when the request would not pass today
            return replayOf(operator.id(), uuid, hash).orElseThrow(() -> refusal);
        }
        if (command.joinsWaitlist()) {
            // a repeated waitlist request must not hold seats for its booking past the entries ahead of it
            Optional<Booking> joined = replayOf(operator.id(), uuid, hash);
            if (joined.isPresent()) {
                return joined.get();
            }
        }
        long started = System.nanoTime();
        Hold hold = ledger.hold(slot.id(), operator.id(), bookingId, items.size(), hash, now);
        return switch (hold.result()) {
            case HELD -> insertHeld(bookingId, uuid, operator, hash, command, items, slot, excursion, now, started, routeBookingId);
            case ALREADY -> {
                Optional<Booking> stored = replayOf(operator.id(), uuid, hash);
                if (stored.isPresent()) {
                    yield stored.get();
                }
                Ledger.Entry entry = hold.entry();
                if (!hash.equals(entry.requestHash()) || entry.units() != items.size()) {
                    throw reused(uuid);
                }
                // the seats are held for this very request, its booking was never written: write it now
                yield insertHeld(bookingId, uuid, operator, hash, command, items, slot, excursion, now, started, routeBookingId);
            }
            case RELEASED_BEFORE -> replayOf(operator.id(), uuid, hash).orElseThrow(() -> BookingRefusal.badRequest(
                    "The reservation with uuid " + uuid + " was abandoned and its seats released; use a new uuid"));
            case BUSY -> throw new Overloaded("The availability is changing too fast right now; retry shortly");
            case SOLD_OUT -> {
                if (command.joinsWaitlist()) {
                    yield insertWaitlisted(bookingId, uuid, operator, hash, command, items, slot, excursion, now);
                }
                BookingRefusal refusal = BookingRefusal.seatsRefused(reason(hold.result()), rejection(hold, items.size()));
                yield replayOf(operator.id(), uuid, hash).orElseThrow(() -> refusal);
            }
            default -> {
                BookingRefusal refusal = BookingRefusal.seatsRefused(reason(hold.result()), rejection(hold, items.size()));
                if (hold.ledger() == null) {
                    // answered from the sold-out memory, without reading the ledger: a replay still gets its booking
                    yield replayOf(operator.id(), uuid, hash).orElseThrow(() -> refusal);
                }
                throw refusal;
            }
        };
    }

    private Booking insertHeld(String bookingId, String uuid, Booking.Operator operator, String hash,
                               ReserveCommand command, List<UnitItem> items, SlotView slot, ExcursionView excursion,
                               Instant now, long heldAtNanos, String routeBookingId) {
        String localDate = LocalDate.ofInstant(slot.start(), ZoneId.of(slot.timeZone())).toString();
        return insertWithReference(operator.id(), uuid, hash, reference -> {
            if (System.nanoTime() - heldAtNanos > properties.ledger().orphanGrace().toNanos() / 2) {
                // too late: the orphan sweep may be about to release this hold; give it back and let the client retry
                ledger.release(slot.id(), bookingId, "ORPHANED", changes.now());
                throw new Overloaded("The reservation took too long to store; retry with a new uuid");
            }
            Booking booking = Booking.held(bookingId, uuid, operator, hash, reference, command, items,
                    slot.enterpriseId(), slot.start(), slot.timeZone(), localDate, BookingMode.of(excursion.program().bookingMode()),
                    now, expiresAt(now, command.expirationMinutes()));
            return routeBookingId == null ? booking : booking.asLegOf(routeBookingId);
        });
    }

    /**
     * A sold-out slot and {@code "waitlist": true}: the booking joins the slot's waitlist without seats (FIFO by
     * the time it joined); a replay of the same uuid gets the stored booking (an offer may have made it ON_HOLD).
     */
    private Booking insertWaitlisted(String bookingId, String uuid, Booking.Operator operator, String hash,
                                     ReserveCommand command, List<UnitItem> items, SlotView slot, ExcursionView excursion,
                                     Instant now) {
        String localDate = LocalDate.ofInstant(slot.start(), ZoneId.of(slot.timeZone())).toString();
        return insertWithReference(operator.id(), uuid, hash, reference -> Booking.waitlisted(bookingId, uuid, operator,
                hash, reference, command, items, slot.enterpriseId(), slot.start(), slot.timeZone(), localDate,
                BookingMode.of(excursion.program().bookingMode()), now));
    }

    /**
     * Inserts the booking built with a freshly drawn supplier reference, drawing again when the reference is taken;
     * a concurrent insert of the same request (operator, uuid) wins and is the answer.
     */
    private Booking insertWithReference(String operatorId, String uuid, String hash, Function<String, Booking> build) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Booking booking = build.apply(references.next());
            try {
                store.insert(booking);
                return booking;
            }
            catch (DuplicateKeyException ex) {
                Optional<Booking> raced = replayOf(operatorId, uuid, hash);
                if (raced.isPresent()) {
                    return raced.get();
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

    /** Confirm a hold: INSTANT → CONFIRMED (seats sold), ON_REQUEST → PENDING approval (seats stay held). */
    public Booking confirm(String operatorId, String uuid, ConfirmCommand command) {
        if (command == null) {
            throw BookingRefusal.badRequest("A JSON body with contact is required");
        }
        boolean visitors = command.unitItems() != null && !command.unitItems().isEmpty();
        if (visitors) {
            // OCTO's order: the unit items (INVALID_UNIT_ID naming the unit) before the contact
            Booking current = owned(operatorId, uuid);
            visitors(current.unitItems(), command.unitItems(), false, changes.program(current));
        }
        ReservationRules.contact("contact", command.contact(), true);
        BookingRefusal.checkLength("resellerReference", command.resellerReference(), 100);
        Contact contact = command.contact().withDefaultLocale(PRODUCT_LOCALE);
        Booking after = refusingExpired(() -> changes.change(() -> owned(operatorId, uuid), b -> {
            if (b.status() == BookingStatus.CONFIRMED || (b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                return null;
            }
            Instant now = changes.now();
            refuseUnlessHeld(b, now, "confirm");
            List<UnitItem> items = b.unitItems();
            if (visitors) {
                items = visitors(b.unitItems(), command.unitItems(), false, changes.program(b));
            }
            Booking changed = b.confirmed(now, contact, items, command.resellerReference(), b.onRequest());
            return new BookingChanges.Change(changed, b.onRequest() ? events.pendingApproval(changed, now)
                    : events.confirmed(changed, now));
        }));
        if (after.status() == BookingStatus.CONFIRMED) {
            ledger.confirm(after.slotId(), after.id(), changes.now());
        }
        return after;
    }

    /** Extend a hold while it is ON_HOLD; no event (the ledger keeps the seats until told otherwise). */
    public Booking extend(String operatorId, String uuid, Integer expirationMinutes) {
        if (expirationMinutes != null && expirationMinutes < 1) {
            throw BookingRefusal.badRequest("expirationMinutes must be at least 1");
        }
        return refusingExpired(() -> changes.change(() -> owned(operatorId, uuid), b -> {
            Instant now = changes.now();
            refuseUnlessHeld(b, now, "extend");
            return new BookingChanges.Change(b.extended(now, expiresAt(now, expirationMinutes)));
        }));
    }

    /**
     * A route's leg cancelled because the route could not be held or lost another leg: no cancellation cut-off (the
     * group cannot keep half a day), the seats back exactly once. Nothing for a leg that is no longer live.
     *
     * @param cancelledBy OPERATOR (its route failed or it cancelled the route) or SUPPLIER (another leg's enterprise)
     */
    public Booking cancelLeg(String bookingId, String reason, String cancelledBy) {
        Booking after = changes.change(() -> changes.byId(bookingId), b -> {
            if (!b.status().live()) {
                return null;
            }
            Instant now = changes.now();
            Booking changed = b.cancelled(now, reason, cancelledBy);
            return new BookingChanges.Change(changed, events.cancelled(changed, now));
        });
        if (after != null && after.status() == BookingStatus.CANCELLED) {
            ledger.release(after.slotId(), after.id(), "CANCELLED", changes.now());
        }
        return after;
    }

    /** Operator cancel; repeated → the same cancelled booking, no second event, no second release. */
    public Booking cancel(String operatorId, String uuid, String reason) {
        BookingRefusal.checkLength("reason", reason, 500);
        Booking after = changes.change(() -> owned(operatorId, uuid), b -> {
            if (b.status() == BookingStatus.CANCELLED) {
                return null;
            }
            if (!b.status().live()) {
                throw BookingRefusal.unprocessable("A booking that is " + b.status() + " cannot be cancelled");
            }
            Instant now = changes.now();
            Instant cutoff = cancellationCutoff(b);
            if (b.soldOrAwaitingApproval() && !now.isBefore(cutoff)) {
                throw BookingRefusal.unprocessable("The cancellation cut-off passed at "
                        + ReservationRules.local(cutoff, b.timeZone()) + " (" + b.timeZone() + ")");
            }
            Booking changed = b.cancelled(now, reason, Cancellation.OPERATOR);
            return new BookingChanges.Change(changed, events.cancelled(changed, now));
        });
        if (after.status() == BookingStatus.CANCELLED) {
            ledger.release(after.slotId(), after.id(), "CANCELLED", changes.now());
        }
        return after;
    }

    /**
     * PATCH while cancellable: contact, visitors, references and notes at once. More units are held in the ledger
     * first (refused → UNPROCESSABLE_ENTITY, the booking unchanged); fewer units are given back after the booking
     * is written. Another availability of the same product is a move ({@link #move}).
     */
    public Booking update(String operatorId, String uuid, UpdateCommand c) {
        if (c == null) {
            throw BookingRefusal.badRequest("A JSON body is required");
        }
        ReservationRules.contact("contact", c.contact(), false);
        BookingRefusal.checkLength("notes", c.notes(), 1000);
        BookingRefusal.checkLength("resellerReference", c.resellerReference(), 100);
        if (c.expirationMinutes() != null && c.expirationMinutes() < 1) {
            throw BookingRefusal.badRequest("expirationMinutes must be at least 1");
        }
        Booking current = owned(operatorId, uuid);
        checkUpdatable(current, c);
        List<UnitItem> items = c.unitItems() == null ? null : visitors(current.unitItems(), c.unitItems(), true,
                changes.program(current));
        if (items != null) {
            ReservationRules.checkGroup(items, changes.program(current));
        }
        if (c.availabilityId() != null && !c.availabilityId().equals(current.slotId())) {
            return move(operatorId, uuid, current, c, items);
        }
        int from = current.units();
        int to = items == null ? from : items.size();
        if (to > from) {
            ResizeResult grown = ledger.resize(current.slotId(), current.id(), from, to, changes.now());
            if (grown != ResizeResult.DONE) {
                throw BookingRefusal.unprocessable(grown == ResizeResult.SOLD_OUT
                        ? "SOLD_OUT: not enough free seats for " + to + " units; the booking keeps its " + from
                        : grown.name() + ": the booking keeps its " + from + " units");
            }
        }
        Booking after;
        try {
            after = changes.change(() -> owned(operatorId, uuid), b -> edit(b, c, items, from));
        }
        catch (RuntimeException ex) {
            if (to > from) {
                ledger.resize(current.slotId(), current.id(), to, from, changes.now());
            }
            throw ex;
        }
        if (to < from && after.units() == to) {
            ledger.resize(after.slotId(), after.id(), from, to, changes.now());
        }
        return after;
    }

    /**
     * A move to another availability (date or time) of the booking's product, with the rest of the PATCH; OCTO:
     * what can be cancelled can be updated, and an update is preferred to cancel and rebook. The seat ledger
     * stays the only authority on seats, and every step is one conditional single-document write:
     * <ol>
     * <li>hold the booking's units on the new slot ({@link SeatLedger#holdMoved}: the reserve's guard — open,
     * before its cut-off, the units fit; refused → UNPROCESSABLE_ENTITY as a reserve's SOLD_OUT/CLOSED/…, the
     * booking unchanged);</li>
     * <li>write the booking on the new slot (start, zone, local date; the cut-offs follow from the start) with its
     * {@code BookingUpdated} (change {@code AVAILABILITY}, {@code previousSlotId});</li>
     * <li>a CONFIRMED booking's new hold is confirmed (booking first, ledger second, as a confirm does);</li>
     * <li>the old slot's entry is released (cause MOVED).</li>
     * </ol>
     * A crash between the steps neither loses nor doubles seats, because the booking id is the ledger's key on
     * both slots and a booking owns seats only on the slot its document names: after step 1 the new slot's hold
     * belongs to a booking that is on another slot, and {@link ru.promtour.booking.booking.expiry.OrphanHoldSweeper}
     * releases it as ORPHANED once older than the grace (this move gives it back itself when the booking's write
     * fails, or when it would come later than half the grace, like a reserve); after step 2 the booking's event is
     * in its outbox, and {@code LedgerRepairListener} applies steps 3 and 4 again from it (each is guarded by the
     * booking's entry, so a second application changes nothing; the sweeper also releases an old-slot hold it meets).
     * A move that finds the booking's entry on the new slot goes on with it only when it is younger than half the
     * grace (a concurrent identical move); an older one is an orphan of an interrupted move, released and held afresh.
     * <p>
     * Moves of a booking awaiting the enterprise's approval, or of an approved one at an on-request site, are
     * refused: the enterprise approved a date, the platform does not approve another one for it.
     */
    private Booking move(String operatorId, String uuid, Booking current, UpdateCommand c, List<UnitItem> items) {
        SlotView target = availability(c.availabilityId(), current.productId());
        if (current.status() == BookingStatus.PENDING) {
            throw BookingRefusal.unprocessable("A booking awaiting the enterprise's approval cannot move to another "
                    + "availability; cancel it and book again");
        }
        if (current.status() == BookingStatus.CONFIRMED && current.onRequest()) {
            throw BookingRefusal.unprocessable("The enterprise approved this booking for its date; it cannot move to "
                    + "another availability without a new approval: cancel it and book again");
        }
        Instant now = changes.now();
        if (current.holdRunOut(now)) {
            throw BookingRefusal.unprocessable("The hold ran out at " + current.utcExpiresAt() + "; reserve again");
        }
        String from = current.slotId();
        int units = items == null ? current.units() : items.size();
        long started = System.nanoTime();
        Hold hold = ledger.holdMoved(target.id(), current.operatorId(), current.id(), units, current.requestHash(), now);
        Duration halfGrace = properties.ledger().orphanGrace().dividedBy(2);
        if (hold.result() == SeatLedger.HoldResult.ALREADY && (hold.entry().units() != units || hold.entry().at() == null
                || !now.isBefore(hold.entry().at().plus(halfGrace)))) {
            // the entry of an earlier, interrupted move (the booking is not on that slot): an orphan the sweep may be
            // releasing right now, so it is not reused; give it back and hold afresh
            ledger.release(target.id(), current.id(), "ORPHANED", now);
            hold = ledger.holdMoved(target.id(), current.operatorId(), current.id(), units, current.requestHash(), now);
        }
        switch (hold.result()) {
            case HELD -> { }
            case ALREADY -> {
                // a concurrent identical move's fresh hold (younger than half the grace, so no sweep takes it)
                if (hold.entry().units() != units) {
                    throw new Overloaded("The booking is moving right now; retry shortly");
                }
            }
            case BUSY -> throw new Overloaded("The availability is changing too fast right now; retry shortly");
            default -> throw BookingRefusal.unprocessable(rejection(hold, units) + "; the booking stays on its availability");
        }
        Booking after;
        try {
            if (System.nanoTime() - started > properties.ledger().orphanGrace().toNanos() / 2) {
                // too late: the orphan sweep may be about to release the new hold; give it back (below)
                throw new Overloaded("The move took too long; retry");
            }
            after = changes.change(() -> owned(operatorId, uuid), b -> moved(b, c, items, current, target));
        }
        catch (RuntimeException ex) {
            // the booking was not moved by this request: give the new slot's seats back, unless the booking is
            // there after all (a concurrent identical move won)
            boolean there = store.byId(current.id()).map(b -> target.id().equals(b.slotId())).orElse(false);
            if (!there) {
                ledger.release(target.id(), current.id(), "MOVED", changes.now());
            }
            throw ex;
        }
        if (target.id().equals(after.slotId()) && !from.equals(after.slotId())) {
            if (after.status() == BookingStatus.CONFIRMED) {
                ledger.confirm(target.id(), after.id(), changes.now());
            }
            ledger.release(from, after.id(), "MOVED", changes.now());
        }
        return after;
    }

    /** The booking moved to {@code target} and edited by the rest of the PATCH; seats are on both slots now. */
    private BookingChanges.Change moved(Booking b, UpdateCommand c, List<UnitItem> items, Booking read, SlotView target) {
        if (target.id().equals(b.slotId())) {
            // a concurrent identical move already wrote it: the rest of the PATCH only
            return edit(b, c, items, b.units());
        }
        if (!b.slotId().equals(read.slotId()) || b.units() != read.units() || b.status() != read.status()) {
            throw BookingRefusal.unprocessable("The booking changed meanwhile; retry");
        }
        checkUpdatable(b, c);
        Instant now = changes.now();
        List<String> changed = changedFields(b, c, items);
        changed.add("AVAILABILITY");
        String localDate = LocalDate.ofInstant(target.start(), ZoneId.of(target.timeZone())).toString();
        Booking edited = b.edited(now, c.contact(), items, c.resellerReference(), c.notes())
                .moved(now, target.id(), target.start(), target.timeZone(), localDate);
        if (b.status() == BookingStatus.ON_HOLD && c.expirationMinutes() != null) {
            edited = edited.extended(now, expiresAt(now, c.expirationMinutes()));
        }
        return new BookingChanges.Change(edited, events.updated(edited, b.slotId(),
                items != null && items.size() != b.units() ? b.units() : null, changed, now));
    }

    /**
     * A booking stays on its product and option: an unknown id (or an availability of another product) is named
     * with its INVALID_* code; a real other product is a move the platform does not make, so UNPROCESSABLE_ENTITY
     * (cancel and book again). Another availability of the same product is a move ({@link #move}).
     */
    private void checkUpdatable(Booking b, UpdateCommand c) {
        if (b.status() == BookingStatus.WAITLISTED) {
            throw BookingRefusal.unprocessable("A booking on the waitlist cannot be changed; cancel it (it leaves the "
                    + "waitlist) and join again, or wait for the offer");
        }
        if (c.productId() != null && !c.productId().equals(b.productId())) {
            product(c.productId());
            throw BookingRefusal.unprocessable("A booking cannot move to another product; cancel it and book again");
        }
        if (c.optionId() != null && !c.optionId().equals(b.optionId())) {
            throw new BookingRefusal(Code.INVALID_OPTION_ID, "The optionId was missing or invalid (the only option is "
                    + Booking.OPTION_ID + ")", c.optionId());
        }
        if (c.availabilityId() != null && !c.availabilityId().equals(b.slotId())) {
            availability(c.availabilityId(), b.productId());
        }
        if (!cancellable(b)) {
            throw BookingRefusal.unprocessable("A booking that is " + b.status()
                    + (b.status().live() ? " past its cancellation cut-off" : "") + " cannot be updated");
        }
    }

    /** The booking edited by the PATCH; the units were already taken care of in the ledger. */
    private BookingChanges.Change edit(Booking b, UpdateCommand c, List<UnitItem> items, int unitsBefore) {
        if (b.units() != unitsBefore) {
            throw BookingRefusal.unprocessable("The booking changed meanwhile; retry");
        }
        checkUpdatable(b, c);
        if (c.availabilityId() != null && !c.availabilityId().equals(b.slotId())) {
            throw BookingRefusal.unprocessable("The booking changed meanwhile; retry");
        }
        Instant now = changes.now();
        List<String> changed = changedFields(b, c, items);
        Booking edited = b.edited(now, c.contact(), items, c.resellerReference(), c.notes());
        if (b.status() == BookingStatus.ON_HOLD && c.expirationMinutes() != null) {
            edited = edited.extended(now, expiresAt(now, c.expirationMinutes()));
        }
        if (changed.isEmpty()) {
            return b.status() == BookingStatus.ON_HOLD && c.expirationMinutes() != null ? new BookingChanges.Change(edited) : null;
        }
        OutboxEvent updated = events.updated(edited, items != null && items.size() != b.units() ? b.units() : null,
                changed, now);
        return new BookingChanges.Change(edited, updated);
    }

    /** What a PATCH changes besides the availability, as {@code BookingUpdated} names it. */
    private static List<String> changedFields(Booking b, UpdateCommand c, List<UnitItem> items) {
        List<String> changed = new ArrayList<>();
        if (items != null && items.size() != b.units()) {
            changed.add("UNITS");
        }
        if (c.contact() != null) {
            changed.add("CONTACT");
        }
        if (items != null) {
            changed.add("VISITORS");
        }
        if (c.notes() != null || c.resellerReference() != null) {
            changed.add("NOTES");
        }
        return changed;
    }

    /** OCTO's {@code cancellable}: live, and before the cut-off once seats are sold or awaiting approval. */
    public boolean cancellable(Booking b) {
        if (!b.status().live()) {
            return false;
        }
        return !b.soldOrAwaitingApproval() || changes.now().isBefore(cancellationCutoff(b));
    }

    private Instant cancellationCutoff(Booking b) {
        return ReservationRules.cutoff(b.start(), b.timeZone(), changes.program(b).cancellationCutoffHours());
    }

    /** When a hold taken now runs out: the operator's wish, at most the configured maximum. */
    private Instant expiresAt(Instant now, Integer minutes) {
        int wanted = minutes == null ? properties.hold().defaultMinutes() : minutes;
        return now.plus(Duration.ofMinutes(Math.min(wanted, properties.hold().maxMinutes())));
    }

    /** The operator's stored booking of this uuid, when there is one; refused when its request was another. */
    private Optional<Booking> replayOf(String operatorId, String uuid, String hash) {
        return store.byOperatorUuid(operatorId, uuid).map(stored -> {
            if (!hash.equals(stored.requestHash())) {
                throw reused(stored.uuid());
            }
            return stored;
        });
    }

    private static BookingRefusal reused(String uuid) {
        return BookingRefusal.badRequest("The uuid " + uuid + " was already used for a different "
                + "reservation; use a new uuid for a new booking (OCTO has no dedicated error code for this)");
    }

    /** Whether a reserve for this slot would be answered SOLD_OUT at once (admission control lets it pass). */
    public boolean knownSoldOut(ReserveCommand command) {
        return command != null && ledger.knownSoldOut(command.availabilityId());
    }

    /** A refused hold in the words of the slot's bookability: CLOSED, CANCELLED, SOLD_OUT, CUTOFF_PASSED, UNKNOWN_SLOT. */
    private static String reason(HoldResult result) {
        return switch (result) {
            case SLOT_CLOSED -> "CLOSED";
            case SLOT_CANCELLED -> "CANCELLED";
            default -> result.name();
        };
    }

    private static String rejection(Hold hold, int asked) {
        Ledger l = hold.ledger();
        String why = switch (hold.result()) {
            case SOLD_OUT -> l == null ? "no free seat left" : "not enough free seats (" + hold.available() + " left, " + asked + " asked)";
            case SLOT_CLOSED -> "the availability " + l.slotId() + " is CLOSED and takes no bookings";
            case SLOT_CANCELLED -> "the availability " + l.slotId() + " is CANCELLED and takes no bookings";
            case CUTOFF_PASSED -> "bookings for this availability closed at "
                    + ReservationRules.local(l.cutoffAt(), l.timeZone()) + " (" + l.timeZone() + ")";
            case UNKNOWN_SLOT -> "the availability is unknown to the supplier";
            default -> "the supplier refused";
        };
        return hold.result().name() + ": " + why;
    }

    /** ON_HOLD and not run out; an expired hold is expired on the spot and refused as OCTO says. */
    private static void refuseUnlessHeld(Booking b, Instant now, String action) {
        if (b.holdRunOut(now) || b.status() == BookingStatus.EXPIRED) {
            throw new ExpiredHold(b);
        }
        if (b.status() != BookingStatus.ON_HOLD) {
            throw BookingRefusal.unprocessable("Cannot " + action + " a booking that is " + b.status());
        }
    }

    /** Thrown inside a decision: the hold ran out; expire it first, then refuse. */
    private static final class ExpiredHold extends RuntimeException {
        private final transient Booking booking;

        ExpiredHold(Booking booking) {
            super(null, null, false, false);
            this.booking = booking;
        }
    }

    /** Runs a hold's transition; a hold found run out is expired (with its event) and refused as OCTO says. */
    private Booking refusingExpired(java.util.function.Supplier<Booking> transition) {
        try {
            return transition.get();
        }
        catch (ExpiredHold ex) {
            expiry.expire(ex.booking.id());
            throw new BookingRefusal(Code.INVALID_BOOKING_UUID, "The booking expired at "
                    + ex.booking.utcExpiresAt() + " and can no longer be confirmed or extended; reserve again",
                    ex.booking.uuid());
        }
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
        for (UnitItemInput in : inputs) {
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
    /**
     * The request's fingerprint for idempotency: the body without its uuid, as canonical JSON, hashed. A route booking
     * uses the same, so a repeated route reserve is recognised like a repeated reserve.
     */
    public String requestHash(ReserveCommand c) {
        ReserveCommand canonical = new ReserveCommand(null, c.productId(), c.optionId(), c.availabilityId(),
                c.expirationMinutes(), c.notes(), c.unitItems(), c.resellerReference(), c.contact(), c.waitlist());
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
