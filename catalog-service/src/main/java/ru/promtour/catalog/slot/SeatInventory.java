package ru.promtour.catalog.slot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.slot.messaging.SeatEvents;
import ru.promtour.catalog.slot.messaging.SeatEvents.Counts;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The seat inventory of the seat saga. Every change is ONE conditional {@code findAndModify} on the slot
 * document that also appends its answer to the slot's outbox, then the outbox is relayed at once.
 * <p>
 * The answer carries the counts after the change, so each step reads the slot, decides, and writes with a
 * filter on the {@code version} read plus the step's own guard ({@link SeatGuards#hold}, the booking's entry
 * with its stored units, ...). When another write won in between, the step decides again on the fresh
 * document. Hence: counts never go negative, never exceed capacity, and a duplicate or out-of-order event
 * matches nothing and changes nothing.
 * <ul>
 *   <li>A hold of a booking already holding or confirmed is a duplicate: nothing is written or sent.</li>
 *   <li>A release uses the units STORED in the booking's entry, never the event's.</li>
 *   <li>A release also records the booking id in {@code releasedBookings} (the last {@value #RELEASED_KEPT}
 *       per slot), so a late or redelivered request of a released booking does not hold again. A release
 *       that arrives before its hold finds nothing and records nothing; the booking service must never
 *       publish a request after its own cancellation (its outbox keeps them in order).</li>
 * </ul>
 */
@Service
public class SeatInventory {

    /** How many released booking ids a slot remembers to refuse late holds. */
    public static final int RELEASED_KEPT = 500;
    static final String RELEASED = "releasedBookings";
    private static final int MAX_ATTEMPTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SeatInventory.class);

    /** What a step did. */
    public enum Outcome { HELD, REJECTED, CONFIRMED, RELEASED, NOTHING }

    /** Why seats were not held (the {@code reason} of {@code SeatsRejected}). */
    public enum RejectReason { SOLD_OUT, SLOT_CLOSED, SLOT_CANCELLED, CUTOFF_PASSED, UNKNOWN_SLOT }

    /** Why seats go back (the {@code cause} of {@code SeatsReleased}). */
    public enum ReleaseCause { CANCELLED, EXPIRED, DECLINED, RESIZED }

    private final MongoOperations mongo;
    private final SeatEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    public SeatInventory(MongoOperations mongo, SeatEvents events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    /** {@code BookingRequested}: hold {@code units} seats for the booking, or say why not. */
    public Outcome hold(String slotId, String bookingId, int units) {
        Duration cutoff = null; // read on first need, then kept across retries (see cutoff)
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Read read = read(slotId);
            if (read == null) {
                return rejectUnknownSlot(slotId, bookingId, null, units);
            }
            Slot s = read.slot();
            if (entry(s.holds(), bookingId).isPresent() || confirmedEntry(s, bookingId).isPresent()) {
                log.info("Duplicate seat request of booking {} on slot {}: it already holds or owns seats; nothing to do", bookingId, slotId);
                return Outcome.NOTHING;
            }
            if (read.released().contains(bookingId)) {
                log.warn("Late seat request of booking {} on slot {}: its seats were already released; not held again", bookingId, slotId);
                return Outcome.NOTHING;
            }
            Instant now = clock.instant();
            if (cutoff == null) {
                cutoff = cutoff(s.excursionId());
            }
            RejectReason reason = whyNot(s, units, now, cutoff);
            if (reason != null) {
                if (reject(s, bookingId, null, units, reason, now)) {
                    return Outcome.REJECTED;
                }
                continue;
            }
            Document guard = SeatGuards.hold(slotId, bookingId, units)
                    .append(RELEASED, new Document("$ne", bookingId))
                    .append("start", new Document("$gt", Date.from(now.plus(cutoff))));
            Update update = new Update().inc("held", units)
                    .push("holds", new Document("bookingId", bookingId).append("units", units).append("heldAt", Date.from(now)));
            OutboxEvent held = events.held(slotId, bookingId, null, units, now,
                    new Counts(s.held() + units, s.confirmed(), s.capacity()));
            if (write(s, guard, update, held, now)) {
                return Outcome.HELD;
            }
        }
        throw new IllegalStateException("Slot " + slotId + " changed too often to hold seats; retry");
    }

    /** {@code BookingResizeRequested}: grow (hold the difference) or shrink (release it) the booking's entry. */
    public Outcome resize(String slotId, String bookingId, String requestId, int units, int previousUnits) {
        Duration cutoff = null; // read on first need, then kept across retries (see cutoff)
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Read read = read(slotId);
            if (read == null) {
                if (units > previousUnits) {
                    return rejectUnknownSlot(slotId, bookingId, requestId, units - previousUnits);
                }
                log.warn("Resize {} of booking {}: slot {} is unknown; nothing to release", requestId, bookingId, slotId);
                return Outcome.NOTHING;
            }
            Slot s = read.slot();
            Optional<Slot.Hold> hold = entry(s.holds(), bookingId);
            Optional<Slot.ConfirmedBooking> sold = confirmedEntry(s, bookingId);
            if (hold.isEmpty() && sold.isEmpty()) {
                log.warn("Resize {} of booking {} on slot {}: the booking holds no seats there; nothing to do", requestId, bookingId, slotId);
                return Outcome.NOTHING;
            }
            boolean confirmed = hold.isEmpty();
            int stored = confirmed ? sold.get().units() : hold.get().units();
            if (stored == units) {
                log.info("Resize {} of booking {} on slot {}: already {} seats (duplicate); nothing to do", requestId, bookingId, slotId, units);
                return Outcome.NOTHING;
            }
            if (stored != previousUnits) {
                log.warn("Resize {} of booking {} on slot {}: expected {} seats, the slot has {} (stale); nothing to do",
                        requestId, bookingId, slotId, previousUnits, stored);
                return Outcome.NOTHING;
            }
            String countField = confirmed ? "confirmed" : "held";
            String arrayField = confirmed ? "confirmedBookings" : "holds";
            int delta = units - previousUnits;
            Instant now = clock.instant();
            // The version in the write's filter pins the entry's units as read; the plain path (not $elemMatch)
            // is what the positional operator below resolves against, on MongoDB and on the embedded store alike.
            Document guard = new Document("_id", slotId).append(arrayField + ".bookingId", bookingId);
            Update update = new Update().inc(countField, delta).set(arrayField + ".$.units", units);
            Counts after = new Counts(s.held() + (confirmed ? 0 : delta), s.confirmed() + (confirmed ? delta : 0), s.capacity());
            OutboxEvent event;
            if (delta > 0) {
                if (cutoff == null) {
                    cutoff = cutoff(s.excursionId());
                }
                RejectReason reason = whyNot(s, delta, now, cutoff);
                if (reason != null) {
                    if (reject(s, bookingId, requestId, delta, reason, now)) {
                        return Outcome.REJECTED;
                    }
                    continue;
                }
                guard.append("status", SlotStatus.OPEN.name())
                        .append("start", new Document("$gt", Date.from(now.plus(cutoff))));
                guard.putAll(SeatGuards.fitsCapacity(delta));
                event = events.held(slotId, bookingId, requestId, delta, now, after);
            }
            else {
                guard.append(countField, new Document("$gte", -delta));
                event = events.released(slotId, bookingId, requestId, -delta, ReleaseCause.RESIZED.name(), now, after);
            }
            if (write(s, guard, update, event, now)) {
                return delta > 0 ? Outcome.HELD : Outcome.RELEASED;
            }
        }
        throw new IllegalStateException("Slot " + slotId + " changed too often to resize; retry");
    }

    /** {@code BookingConfirmed}: the booking's hold becomes sold seats. Unknown or already confirmed: nothing. */
    public Outcome confirm(String slotId, String bookingId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Read read = read(slotId);
            Optional<Slot.Hold> hold = read == null ? Optional.empty() : entry(read.slot().holds(), bookingId);
            if (hold.isEmpty()) {
                boolean already = read != null && confirmedEntry(read.slot(), bookingId).isPresent();
                log.info("Confirm of booking {} on slot {}: {}; nothing to do", bookingId, slotId,
                        already ? "already confirmed (duplicate)" : "no such hold");
                return Outcome.NOTHING;
            }
            Slot s = read.slot();
            int n = hold.get().units();
            Instant now = clock.instant();
            Document guard = new Document("_id", slotId)
                    .append("holds", new Document("$elemMatch", new Document("bookingId", bookingId).append("units", n)))
                    .append("held", new Document("$gte", n));
            Update update = new Update().inc("held", -n).inc("confirmed", n)
                    .pull("holds", new Document("bookingId", bookingId))
                    .push("confirmedBookings", new Document("bookingId", bookingId).append("units", n)
                            .append("confirmedAt", Date.from(now)));
            OutboxEvent event = events.confirmed(slotId, bookingId, n, now,
                    new Counts(s.held() - n, s.confirmed() + n, s.capacity()));
            if (write(s, guard, update, event, now)) {
                return Outcome.CONFIRMED;
            }
        }
        throw new IllegalStateException("Slot " + slotId + " changed too often to confirm; retry");
    }

    /**
     * {@code BookingCancelled} / {@code BookingExpired} / {@code BookingDeclined}: give the booking's seats
     * back exactly once, held or confirmed, by the units stored in its entry. Unknown or already released:
     * nothing.
     */
    public Outcome release(String slotId, String bookingId, ReleaseCause cause) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Read read = read(slotId);
            if (read == null) {
                log.info("Release ({}) of booking {}: slot {} is unknown; nothing to do", cause, bookingId, slotId);
                return Outcome.NOTHING;
            }
            Slot s = read.slot();
            Optional<Slot.Hold> hold = entry(s.holds(), bookingId);
            Optional<Slot.ConfirmedBooking> sold = confirmedEntry(s, bookingId);
            if (hold.isEmpty() && sold.isEmpty()) {
                log.info("Release ({}) of booking {} on slot {}: {}; nothing to do", cause, bookingId, slotId,
                        read.released().contains(bookingId) ? "already released (duplicate)" : "no such hold (unknown or not yet held)");
                return Outcome.NOTHING;
            }
            boolean confirmed = hold.isEmpty();
            int n = confirmed ? sold.get().units() : hold.get().units();
            String countField = confirmed ? "confirmed" : "held";
            String arrayField = confirmed ? "confirmedBookings" : "holds";
            Instant now = clock.instant();
            Document guard = new Document("_id", slotId)
                    .append(arrayField, new Document("$elemMatch", new Document("bookingId", bookingId).append("units", n)))
                    .append(countField, new Document("$gte", n));
            Update update = new Update().inc(countField, -n).pull(arrayField, new Document("bookingId", bookingId));
            update.push(RELEASED).slice(-RELEASED_KEPT).each(bookingId);
            OutboxEvent event = events.released(slotId, bookingId, null, n, cause.name(), now,
                    new Counts(s.held() - (confirmed ? 0 : n), s.confirmed() - (confirmed ? n : 0), s.capacity()));
            if (write(s, guard, update, event, now)) {
                return Outcome.RELEASED;
            }
        }
        throw new IllegalStateException("Slot " + slotId + " changed too often to release; retry");
    }

    /** The first reason in the order: cancelled, closed, cut-off passed, sold out; null when it fits. */
    private static RejectReason whyNot(Slot s, int units, Instant now, Duration cutoff) {
        if (s.status() == SlotStatus.CANCELLED) {
            return RejectReason.SLOT_CANCELLED;
        }
        if (s.status() == SlotStatus.CLOSED) {
            return RejectReason.SLOT_CLOSED;
        }
        if (!now.isBefore(s.start().minus(cutoff))) {
            return RejectReason.CUTOFF_PASSED;
        }
        if (s.held() + s.confirmed() + units > s.capacity()) {
            return RejectReason.SOLD_OUT;
        }
        return null;
    }

    /** Appends the rejection to the slot's outbox, conditional on the version read (so {@code available} is exact). */
    private boolean reject(Slot s, String bookingId, String requestId, int units, RejectReason reason, Instant now) {
        OutboxEvent event = events.rejected(s.id(), bookingId, requestId, units, reason.name(), s.available(), now);
        Document filter = new Document("_id", s.id()).append("version", s.version());
        Document after = mongo.findAndModify(new BasicQuery(filter), Outbox.append(new Update(), event),
                FindAndModifyOptions.options().returnNew(true), Document.class, Slot.COLLECTION);
        if (after == null) {
            return false;
        }
        log.debug("Seats for booking {} on slot {} rejected: {}", bookingId, s.id(), reason);
        relay.publishPending(Slot.COLLECTION, s.id());
        return true;
    }

    /** No slot document: the rejection rides on a {@link SeatRequest} insert; a repeat is a duplicate key. */
    private Outcome rejectUnknownSlot(String slotId, String bookingId, String requestId, int units) {
        Instant now = clock.instant();
        String id = requestId == null ? bookingId : bookingId + ":" + requestId;
        OutboxEvent event = events.rejected(slotId, bookingId, requestId, units, RejectReason.UNKNOWN_SLOT.name(), null, now);
        try {
            Outbox.insert(mongo, SeatRequest.COLLECTION,
                    new SeatRequest(id, bookingId, requestId, slotId, units, RejectReason.UNKNOWN_SLOT.name(), now), event);
        }
        catch (DuplicateKeyException ex) {
            log.info("Seat request {} for unknown slot {} was already rejected; nothing to do", id, slotId);
            return Outcome.NOTHING;
        }
        log.info("Seat request {} names unknown slot {}: rejected", id, slotId);
        relay.publishPending(SeatRequest.COLLECTION, id);
        return Outcome.REJECTED;
    }

    /** The step's write: its guard plus the version read; bumps the version and carries the event. */
    private boolean write(Slot s, Document guard, Update update, OutboxEvent event, Instant now) {
        Document filter = new Document(guard);
        filter.put("_id", s.id());
        filter.put("version", s.version());
        update.inc("version", 1).set("updatedAt", Date.from(now));
        Document after = mongo.findAndModify(new BasicQuery(filter), Outbox.append(update, event),
                FindAndModifyOptions.options().returnNew(true), Document.class, Slot.COLLECTION);
        if (after == null) {
            return false;
        }
        relay.publishPending(Slot.COLLECTION, s.id());
        return true;
    }

    private Read read(String slotId) {
        Query query = new BasicQuery(new Document("_id", slotId));
        query.fields().exclude(Outbox.FIELD);
        Document doc = mongo.findOne(query, Document.class, Slot.COLLECTION);
        if (doc == null) {
            return null;
        }
        List<String> released = doc.getList(RELEASED, String.class, List.of());
        return new Read(mongo.getConverter().read(Slot.class, doc), released);
    }

    /**
     * The booking cut-off of the slot's excursion (0 if the excursion or the value is missing). A slot's
     * excursion never changes, so a step reads this once, not on every retry of a contended slot.
     */
    private Duration cutoff(String excursionId) {
        if (excursionId == null) {
            return Duration.ZERO;
        }
        Query query = new Query(where("_id").is(excursionId));
        query.fields().include("program.bookingCutoffHours");
        Document doc = mongo.findOne(query, Document.class, Excursion.COLLECTION);
        Object program = doc == null ? null : doc.get("program");
        Object hours = program instanceof Document p ? p.get("bookingCutoffHours") : null;
        return hours instanceof Number h ? Duration.ofHours(h.longValue()) : Duration.ZERO;
    }

    private static Optional<Slot.Hold> entry(List<Slot.Hold> holds, String bookingId) {
        return holds.stream().filter(h -> bookingId.equals(h.bookingId())).findFirst();
    }

    private static Optional<Slot.ConfirmedBooking> confirmedEntry(Slot s, String bookingId) {
        return s.confirmedBookings().stream().filter(c -> bookingId.equals(c.bookingId())).findFirst();
    }

    private record Read(Slot slot, List<String> released) {
    }
}
