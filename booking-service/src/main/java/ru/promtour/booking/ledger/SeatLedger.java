package ru.promtour.booking.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import ru.promtour.booking.ledger.messaging.LedgerEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.seats.Bookability;

/**
 * The seat ledger: every change of a slot's seats is ONE conditional write on the slot's ledger document that
 * also appends its event to the document's outbox; the event then leaves at once (the relay's timer is the
 * safety net). The guards live in the filters, evaluated by the store at write time, so concurrent writers of
 * one slot never oversell and never release twice:
 * <ul>
 *   <li>hold: open, before the cut-off, this booking neither holding, owning nor released here, and
 *       held + confirmed + allotted + n ≤ capacity (the store-side form of {@link Bookability} on free sale) — no
 *       read first, so a contended slot costs no optimistic retries. An operator with an allotment here draws on
 *       it first: its free-sale write also requires that its allotment cannot take the group, and the read of
 *       the refused write finds the allotment for the second, allotment write;</li>
 *   <li>an allotment (ADR 0005): granted from free sale, released once by the write {@code released: false →
 *       true} that gives its unused seats back to free sale;</li>
 *   <li>confirm and release: the booking's entry with the units read (what goes back is what was stored);</li>
 *   <li>resize and the enterprise's changes (rare): the version read.</li>
 * </ul>
 */
@Service
public class SeatLedger {

    /** How many released booking ids a ledger remembers to refuse a late duplicate hold. */
    static final int RELEASED_KEPT = 500;
    /** How many answered change requests a ledger remembers to answer a redelivery with nothing. */
    static final int ANSWERED_KEPT = 50;
    private static final int MAX_ATTEMPTS = 100;
    /** A write returns the counts after it (for its event and its answer), not the entry arrays or the outbox. */
    private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER)
            .projection(Projections.include("capacity", "held", "confirmed", "allotted", "allocations", "status", "version",
                    "cutoffAt", "timeZone", "start", "excursionId", "enterpriseId"));

    /** What a hold did; every value but HELD and ALREADY is the reason it was refused. */
    public enum HoldResult { HELD, ALREADY, RELEASED_BEFORE, SOLD_OUT, SLOT_CLOSED, SLOT_CANCELLED, CUTOFF_PASSED, UNKNOWN_SLOT, BUSY }

    /**
     * @param ledger the ledger after the hold (HELD) or as read when refused (null for UNKNOWN_SLOT and BUSY)
     * @param entry  the booking's existing entry (ALREADY)
     */
    public record Hold(HoldResult result, Ledger ledger, Ledger.Entry entry) {

        public int available() {
            return ledger == null ? 0 : ledger.available();
        }
    }

    /** What a grant of an allotment did; every value but GRANTED and ALREADY is the reason it was refused. */
    public enum GrantResult { GRANTED, ALREADY, NOT_ENOUGH_FREE, OPERATOR_HAS_ALLOTMENT, SLOT_CANCELLED, CUTOFF_PASSED, UNKNOWN_SLOT }

    /** @param ledger the ledger after the grant, or as read when refused (null for UNKNOWN_SLOT) */
    public record Grant(GrantResult result, Ledger ledger) {
    }

    /** What a change of a booking's units did. */
    public enum ResizeResult { DONE, SOLD_OUT, SLOT_CLOSED, SLOT_CANCELLED, CUTOFF_PASSED, NOT_HOLDING, STALE }

    /** An enterprise's slot change as the catalog asked for it. */
    public record ChangeRequest(String slotId, String requestId, String change, Integer capacity, String reason) {
    }

    /** The ledger's answer to a change (a redelivered request: as applied); {@code affectedBookingIds} for a CANCEL. */
    public record ChangeAnswer(boolean applied, List<String> affectedBookingIds) {
    }

    /**
     * Slots this instance last saw with no free seat, and when (System.nanoTime). In a race the losers are answered
     * SOLD_OUT from here without a store round trip; any write of this instance that may free seats forgets the
     * slot at once, and another instance's release is seen within {@link #SOLD_OUT_REMEMBERED}.
     */
    private final Map<String, Long> soldOut = new ConcurrentHashMap<>();
    private static final long SOLD_OUT_REMEMBERED = Duration.ofMillis(500).toNanos();

    private final MongoOperations mongo;
    private final LedgerEvents events;
    private final OutboxRelay relay;

    public SeatLedger(MongoOperations mongo, LedgerEvents events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        relay.enrichWith(Ledger.COLLECTION, events);
    }

    public Optional<Ledger> find(String slotId) {
        Document doc = ledgers().find(Filters.eq("_id", slotId)).projection(Projections.exclude(Outbox.FIELD)).first();
        return Optional.ofNullable(doc).map(Ledger::of);
    }

    /**
     * A slot the catalog published: its ledger, empty and open, with the cut-off the catalog computed. A ledger
     * that exists already is left alone (the event was redelivered); a later cut-off comes by {@link #cutoffChanged}.
     */
    public boolean create(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                          Instant cutoffAt, int capacity, String status) {
        Document doc = new Document("_id", slotId).append("excursionId", excursionId).append("enterpriseId", enterpriseId)
                .append("start", Date.from(start)).append("timeZone", timeZone).append("cutoffAt", Date.from(cutoffAt))
                .append("status", status == null ? LedgerStatus.OPEN.name() : status).append("capacity", capacity)
                .append("held", 0).append("confirmed", 0).append("allotted", 0).append("allocations", new Document())
                .append("holds", List.of()).append("sold", List.of())
                .append("released", List.of()).append("answered", List.of()).append("version", 1L).append(Outbox.FIELD, List.of());
        try {
            ledgers().insertOne(doc);
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    /**
     * The slot's booking cut-off as the catalog recomputed it (its program's cut-off changed). The version moves,
     * so a resize or change decided on the old cut-off is written again on the new one. False when the ledger
     * already has it (a redelivery) or does not exist.
     */
    public boolean cutoffChanged(String slotId, Instant cutoffAt) {
        Date at = Date.from(cutoffAt);
        return ledgers().updateOne(Filters.and(Filters.eq("_id", slotId), Filters.ne("cutoffAt", at)),
                new Document("$set", new Document("cutoffAt", at)).append("$inc", new Document("version", 1L)))
                .getModifiedCount() == 1;
    }

    /**
     * Holds {@code units} seats for the operator's booking in one conditional write, or says why not. A refused
     * write reads the ledger once to name the reason (and to tell a repeated hold of the same booking, ALREADY,
     * apart) — or to find the operator's allotment, which it then holds from.
     */
    public Hold hold(String slotId, String operatorId, String bookingId, int units, String requestHash, Instant now) {
        return hold(slotId, operatorId, bookingId, units, requestHash, now, "RESERVED");
    }

    /**
     * A booking moving here from another slot of its product (PATCH of its availability): the same guarded hold
     * as a reserve, event cause {@code MOVED}, except that a booking that left this slot before may come back
     * (its id in {@code released} guards a reserve's uuid, not a stored booking's move).
     */
    public Hold holdMoved(String slotId, String operatorId, String bookingId, int units, String requestHash, Instant now) {
        return hold(slotId, operatorId, bookingId, units, requestHash, now, "MOVED");
    }

    /**
     * A waitlist offer: the guarded hold of a reserve, event cause {@code WAITLIST_OFFER}, for a stored booking (its
     * id may be in {@code released} after an offer given back) and without the sold-out memory (the offer follows a
     * release another instance may have made). Holding with the booking's own id is what makes a seat offered once.
     */
    public Hold holdOffered(String slotId, String operatorId, String bookingId, int units, String requestHash, Instant now) {
        return hold(slotId, operatorId, bookingId, units, requestHash, now, "WAITLIST_OFFER");
    }

    private Hold hold(String slotId, String operatorId, String bookingId, int units, String requestHash, Instant now,
                      String cause) {
        // a stored booking's move or offer may come back to a slot it left; a reserve's uuid may not
        boolean move = !"RESERVED".equals(cause);
        if (!"WAITLIST_OFFER".equals(cause) && knownSoldOut(slotId)) {
            return new Hold(HoldResult.SOLD_OUT, null, null);
        }
        String pool = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            OutboxEvent event = events.held(slotId, bookingId, units, cause, now);
            // the store-side form of Bookability.refusal (open, before the cut-off, the seats fit), evaluated by the
            // store at write time: the store decides; whyNot only names the reason of a refused write
            Document filter = new Document("_id", slotId)
                    .append("status", LedgerStatus.OPEN.name())
                    .append("cutoffAt", new Document("$gt", Date.from(now)))
                    .append("holds.bookingId", new Document("$ne", bookingId))
                    .append("sold.bookingId", new Document("$ne", bookingId));
            if (!move) {
                filter.append("released", new Document("$ne", bookingId));
            }
            Document entry = new Document("bookingId", bookingId).append("units", units).append("at", Date.from(now))
                    .append("requestHash", requestHash);
            Document inc = new Document("held", units).append("version", 1L);
            if (pool == null) {
                filter.append("$expr", fitsFreeSale(units));
                if (operatorId != null) {
                    // an allotment that can take the group is drawn on first (the write below, after a read)
                    filter.append("$nor", List.of(allotmentTakes(operatorId, null, units)));
                }
            }
            else {
                filter.putAll(allotmentTakes(operatorId, pool, units));
                entry.append("pool", pool);
                inc.append("allotted", -units).append(allotmentField(operatorId, "left"), -units);
            }
            Document update = new Document("$inc", inc)
                    .append("$push", new Document("holds", entry)
                            .append(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            Ledger held = write(filter, update, event);
            if (held != null) {
                return new Hold(HoldResult.HELD, held, null);
            }
            Optional<Ledger> read = find(slotId);
            if (read.isEmpty()) {
                return new Hold(HoldResult.UNKNOWN_SLOT, null, null);
            }
            Ledger l = read.get();
            Optional<Ledger.Placed> existing = l.placed(bookingId);
            if (existing.isPresent()) {
                return new Hold(HoldResult.ALREADY, l, existing.get().entry());
            }
            HoldResult refusal = !move && l.released().contains(bookingId) ? HoldResult.RELEASED_BEFORE : whyNot(l, units, now);
            remember(l);
            Optional<Ledger.Allotment> allotment = l.usableAllotment(operatorId).filter(a -> a.left() >= units);
            if (allotment.isPresent() && (refusal == null || refusal == HoldResult.SOLD_OUT)) {
                pool = allotment.get().id();
                continue;
            }
            pool = null;
            if (refusal != null) {
                return new Hold(refusal, l, null);
            }
            // seats came free between the write and the read: try again
        }
        return new Hold(HoldResult.BUSY, null, null);
    }

    /** The booking's held seats become sold. False when it holds nothing here (unknown, or already sold). */
    public boolean confirm(String slotId, String bookingId, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ledger.Entry> hold = find(slotId).flatMap(l -> l.hold(bookingId));
            if (hold.isEmpty()) {
                return false;
            }
            int n = hold.get().units();
            OutboxEvent event = events.confirmed(slotId, bookingId, n, now);
            Document filter = new Document("_id", slotId).append("holds",
                    new Document("$elemMatch", new Document("bookingId", bookingId).append("units", n)));
            Document sale = new Document("bookingId", bookingId).append("units", n).append("at", Date.from(now));
            if (hold.get().pool() != null) {
                sale.append("pool", hold.get().pool());
            }
            Document update = new Document("$inc", new Document("held", -n).append("confirmed", n).append("version", 1L))
                    .append("$pull", new Document("holds", new Document("bookingId", bookingId)))
                    .append("$push", new Document("sold", sale)
                            .append(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            if (write(filter, update, event) != null) {
                return true;
            }
        }
        throw new IllegalStateException("Ledger " + slotId + " changed too often to confirm " + bookingId);
    }

    /**
     * Gives the booking's seats back exactly once, held or sold, by the units stored in its entry. False when it
     * holds and owns nothing here (never held, or already released).
     *
     * @param cause CANCELLED, EXPIRED, DECLINED, ORPHANED or MOVED
     */
    public boolean release(String slotId, String bookingId, String cause, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ledger> read = find(slotId);
            Optional<Ledger.Placed> placed = read.flatMap(l -> l.placed(bookingId));
            if (placed.isEmpty()) {
                return false;
            }
            Ledger.Placed p = placed.get();
            int n = p.entry().units();
            OutboxEvent event = events.released(slotId, bookingId, n, cause, now);
            Document filter = new Document("_id", slotId).append(p.array(),
                    new Document("$elemMatch", new Document("bookingId", bookingId).append("units", n)));
            Document inc = new Document(p.count(), -n).append("version", 1L);
            // seats of an allotment go back to it while it is not released (released is final: then free sale)
            Optional<Ledger.Allotment> back = pooled(read.get(), p.entry());
            back.ifPresent(a -> {
                filter.append(allotmentField(a.operatorId(), "id"), a.id()).append(allotmentField(a.operatorId(), "released"), false);
                inc.append("allotted", n).append(allotmentField(a.operatorId(), "left"), n);
            });
            Document update = new Document("$inc", inc)
                    .append("$pull", new Document(p.array(), new Document("bookingId", bookingId)))
                    .append("$push", new Document("released", new Document("$each", List.of(bookingId))
                            .append("$slice", -RELEASED_KEPT))
                            .append(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            if (write(filter, update, event) != null) {
                return true;
            }
        }
        throw new IllegalStateException("Ledger " + slotId + " changed too often to release " + bookingId);
    }

    /**
     * A booking's units change from {@code from} to {@code to}: a growth holds the difference (where a new hold
     * would be allowed), a shrink gives it back. DONE also when the entry already has {@code to} units.
     */
    public ResizeResult resize(String slotId, String bookingId, int from, int to, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ledger> read = find(slotId);
            if (read.isEmpty()) {
                return ResizeResult.NOT_HOLDING;
            }
            Ledger l = read.get();
            Optional<Ledger.Placed> placed = l.placed(bookingId);
            if (placed.isEmpty()) {
                return ResizeResult.NOT_HOLDING;
            }
            Ledger.Placed p = placed.get();
            int stored = p.entry().units();
            if (stored == to) {
                return ResizeResult.DONE;
            }
            if (stored != from) {
                return ResizeResult.STALE;
            }
            int delta = to - from;
            // a booking from an allotment grows from it and shrinks back into it while it is not released
            Optional<Ledger.Allotment> allotment = pooled(l, p.entry());
            if (delta > 0) {
                HoldResult why = whyNot(l, delta, now);
                if (allotment.isPresent() && (why == null || why == HoldResult.SOLD_OUT)) {
                    why = allotment.get().left() >= delta ? null : HoldResult.SOLD_OUT;
                }
                if (why != null) {
                    return ResizeResult.valueOf(why.name());
                }
            }
            OutboxEvent event = delta > 0 ? events.held(slotId, bookingId, delta, "RESIZED", now)
                    : events.released(slotId, bookingId, -delta, "RESIZED", now);
            Document filter = new Document("_id", slotId).append("version", l.version())
                    .append(p.array() + ".bookingId", bookingId);
            Document inc = new Document(p.count(), delta).append("version", 1L);
            allotment.ifPresent(a -> inc.append("allotted", -delta).append(allotmentField(a.operatorId(), "left"), -delta));
            Document update = new Document("$inc", inc)
                    .append("$set", new Document(p.array() + ".$.units", to))
                    .append("$push", new Document(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            if (write(filter, update, event) != null) {
                return ResizeResult.DONE;
            }
        }
        throw new IllegalStateException("Ledger " + slotId + " changed too often to resize " + bookingId);
    }

    /**
     * Applies or refuses an enterprise's change, answering it in the same write (a refusal is written too, so a
     * redelivered request finds its id answered and changes nothing). Capacity never goes below held + confirmed;
     * a cancelled slot takes no change. Empty when the slot has no ledger.
     */
    public Optional<ChangeAnswer> apply(ChangeRequest r, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ledger> read = find(r.slotId());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Ledger l = read.get();
            if (l.answered().contains(r.requestId())) {
                return Optional.of(new ChangeAnswer(true, l.bookingIds()));
            }
            Document set = new Document();
            String refusal = null;
            String message = null;
            List<String> affected = null;
            switch (r.change()) {
                case "CAPACITY" -> {
                    int sold = l.held() + l.confirmed();
                    if (l.status() == LedgerStatus.CANCELLED) {
                        refusal = "SLOT_CANCELLED";
                        message = "The slot is cancelled";
                    }
                    else if (r.capacity() == null || r.capacity() < sold) {
                        refusal = "BELOW_HELD_PLUS_CONFIRMED";
                        message = "Capacity " + r.capacity() + " is below held + confirmed = " + sold + " (held "
                                + l.held() + ", confirmed " + l.confirmed() + ")";
                    }
                    else if (r.capacity() < sold + l.allotted()) {
                        // an allotment is a promise to its operator until its release date
                        refusal = "BELOW_ALLOTTED";
                        message = "Capacity " + r.capacity() + " is below held + confirmed + allotted = "
                                + (sold + l.allotted()) + " (held " + l.held() + ", confirmed " + l.confirmed()
                                + ", allotted to operators and not yet booked " + l.allotted() + ")";
                    }
                    else {
                        set.append("capacity", r.capacity());
                    }
                }
                case "CLOSE", "REOPEN" -> {
                    if (l.status() == LedgerStatus.CANCELLED) {
                        refusal = "SLOT_CANCELLED";
                        message = "The slot is cancelled; a cancelled slot cannot be "
                                + ("CLOSE".equals(r.change()) ? "closed" : "reopened");
                    }
                    else {
                        set.append("status", "CLOSE".equals(r.change()) ? LedgerStatus.CLOSED.name() : LedgerStatus.OPEN.name());
                    }
                }
                case "CANCEL" -> {
                    set.append("status", LedgerStatus.CANCELLED.name());
                    affected = l.bookingIds();
                }
                // the contract allows these four only: an other value is a poison record for the error handler (DLT)
                default -> throw new IllegalArgumentException("Unknown slot change " + r.change() + " in " + r.requestId());
            }
            OutboxEvent event = refusal == null
                    ? events.changeApplied(r.slotId(), r.requestId(), r.change(), r.capacity(),
                            "CAPACITY".equals(r.change()) ? l.capacity() : null, r.reason(), affected, now)
                    : events.changeRefused(r.slotId(), r.requestId(), r.change(), r.capacity(), refusal, message, now);
            Document update = new Document("$inc", new Document("version", 1L))
                    .append("$push", new Document("answered", new Document("$each", List.of(r.requestId()))
                            .append("$slice", -ANSWERED_KEPT))
                            .append(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            if (!set.isEmpty()) {
                update.append("$set", set);
            }
            if (write(new Document("_id", r.slotId()).append("version", l.version()), update, event) != null) {
                return Optional.of(new ChangeAnswer(refusal == null, affected == null ? List.of() : affected));
            }
        }
        throw new IllegalStateException("Ledger " + r.slotId() + " changed too often to apply " + r.requestId());
    }

    /**
     * Grants the operator {@code units} seats of free sale on this slot until {@code releaseAt}: one write, guarded
     * by the free seats and by the operator having no allotment here not yet released (one per operator and slot).
     */
    public Grant grant(String slotId, String allocationId, String operatorId, int units, Instant releaseAt, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            OutboxEvent event = events.allotted(slotId, allocationId, operatorId, units, releaseAt, now);
            Document filter = new Document("_id", slotId)
                    .append("status", new Document("$ne", LedgerStatus.CANCELLED.name()))
                    .append("cutoffAt", new Document("$gt", Date.from(now)))
                    .append("$or", List.of(new Document(allotmentField(operatorId, "released"), true),
                            new Document("allocations." + operatorId, new Document("$exists", false))))
                    .append("$expr", fitsFreeSale(units));
            Document allotment = new Document("id", allocationId).append("units", units).append("left", units)
                    .append("releaseAt", Date.from(releaseAt)).append("released", false);
            Document update = new Document("$set", new Document("allocations." + operatorId, allotment))
                    .append("$inc", new Document("allotted", units).append("version", 1L))
                    .append("$push", new Document(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            Ledger granted = write(filter, update, event);
            if (granted != null) {
                return new Grant(GrantResult.GRANTED, granted);
            }
            Optional<Ledger> read = find(slotId);
            if (read.isEmpty()) {
                return new Grant(GrantResult.UNKNOWN_SLOT, null);
            }
            Ledger l = read.get();
            if (l.allotment(allocationId).isPresent()) {
                return new Grant(GrantResult.ALREADY, l);
            }
            GrantResult refusal = l.status() == LedgerStatus.CANCELLED ? GrantResult.SLOT_CANCELLED
                    : !now.isBefore(l.cutoffAt()) ? GrantResult.CUTOFF_PASSED
                    : l.usableAllotment(operatorId).isPresent() ? GrantResult.OPERATOR_HAS_ALLOTMENT
                    : l.available() < units ? GrantResult.NOT_ENOUGH_FREE : null;
            if (refusal != null) {
                return new Grant(refusal, l);
            }
        }
        throw new IllegalStateException("Ledger " + slotId + " changed too often to grant " + allocationId);
    }

    /**
     * Releases the allotment exactly once: the write {@code released: false → true} on the units left as read,
     * which go back to free sale by the same write. Empty when it is released already or not here.
     *
     * @param cause RELEASE_DATE (its date came) or WITHDRAWN (the enterprise took it back early)
     * @return the allotment as it was released
     */
    public Optional<Ledger.Allotment> releaseAllotment(String slotId, String allocationId, String cause, Instant now) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Ledger.Allotment> read = find(slotId).flatMap(l -> l.allotment(allocationId)).filter(a -> !a.released());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            Ledger.Allotment a = read.get();
            OutboxEvent event = events.allotmentReleased(slotId, a, cause, now);
            Document filter = new Document("_id", slotId).append(allotmentField(a.operatorId(), "id"), allocationId)
                    .append(allotmentField(a.operatorId(), "released"), false)
                    .append(allotmentField(a.operatorId(), "left"), a.left());
            Document update = new Document("$set", new Document(allotmentField(a.operatorId(), "released"), true)
                    .append(allotmentField(a.operatorId(), "releasedAt"), Date.from(now)))
                    .append("$inc", new Document("allotted", -a.left()).append("version", 1L))
                    .append("$push", new Document(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
            if (write(filter, update, event) != null) {
                return Optional.of(new Ledger.Allotment(a.id(), a.operatorId(), a.units(), a.left(), a.releaseAt(), true));
            }
        }
        throw new IllegalStateException("Ledger " + slotId + " changed too often to release allotment " + allocationId);
    }

    /** What an imported sale did; every value but SOLD and ALREADY is the reason it was refused. */
    public enum PastSaleResult { SOLD, ALREADY, SOLD_OUT, SLOT_CANCELLED, NOT_STARTED, UNKNOWN_SLOT }

    /** @param ledger the ledger after the sale, or as read when refused (null for UNKNOWN_SLOT) */
    public record PastSale(PastSaleResult result, Ledger ledger) {
    }

    /**
     * A sale of a slot that has already started, imported from a previous registry (the admin's history import,
     * issue 18): the booking's seats go straight to {@code sold} with one {@code SeatsConfirmed}. The guards of a
     * hold bar that after the cut-off; this write has its own, in the filter as every other: the slot has started
     * (so it never sells a seat live sales could still take), is not cancelled, the booking is not placed here yet,
     * and held + confirmed + allotted + n ≤ capacity — imported seats count like sold ones, never over capacity.
     */
    public PastSale sellPast(String slotId, String bookingId, int units, Instant now) {
        OutboxEvent event = events.confirmed(slotId, bookingId, units, now);
        Document filter = new Document("_id", slotId)
                .append("start", new Document("$lte", Date.from(now)))
                .append("status", new Document("$ne", LedgerStatus.CANCELLED.name()))
                .append("holds.bookingId", new Document("$ne", bookingId))
                .append("sold.bookingId", new Document("$ne", bookingId))
                .append("$expr", fitsFreeSale(units));
        Document sale = new Document("bookingId", bookingId).append("units", units).append("at", Date.from(now))
                .append("imported", true);
        Document update = new Document("$inc", new Document("confirmed", units).append("version", 1L))
                .append("$push", new Document("sold", sale)
                        .append(Outbox.FIELD, new Document("$each", List.of(event.toDocument()))));
        Ledger sold = write(filter, update, event);
        if (sold != null) {
            return new PastSale(PastSaleResult.SOLD, sold);
        }
        Optional<Ledger> read = find(slotId);
        if (read.isEmpty()) {
            return new PastSale(PastSaleResult.UNKNOWN_SLOT, null);
        }
        Ledger l = read.get();
        PastSaleResult refusal = l.placed(bookingId).isPresent() ? PastSaleResult.ALREADY
                : l.status() == LedgerStatus.CANCELLED ? PastSaleResult.SLOT_CANCELLED
                : now.isBefore(l.start()) ? PastSaleResult.NOT_STARTED
                : PastSaleResult.SOLD_OUT;
        return new PastSale(refusal, l);
    }

    /** Ledgers of one program starting in [from, to): where a schedule allocation applies. */
    public List<Ledger> ofExcursion(String excursionId, Instant from, Instant to) {
        List<Ledger> found = new ArrayList<>();
        ledgers().find(Filters.and(Filters.eq("excursionId", excursionId), Filters.gte("start", Date.from(from)),
                        Filters.lt("start", Date.from(to))))
                .projection(Projections.exclude(Outbox.FIELD, "holds", "sold", "released", "answered"))
                .forEach(doc -> found.add(Ledger.of(doc)));
        return found;
    }

    /**
     * Holds taken in [from, to): the candidates of the orphan sweep (a hold whose booking was never written
     * because the process died between the two writes).
     */
    public List<OrphanCandidate> holdsTakenBetween(Instant from, Instant to) {
        Document filter = new Document("holds", new Document("$elemMatch",
                new Document("at", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)))));
        List<OrphanCandidate> found = new ArrayList<>();
        ledgers().find(filter).projection(Projections.include("holds")).forEach(doc -> Ledger.entries(doc, "holds").stream()
                .filter(e -> e.at() != null && !e.at().isBefore(from) && e.at().isBefore(to))
                .forEach(e -> found.add(new OrphanCandidate(doc.getString("_id"), e.bookingId()))));
        return found;
    }

    /** A hold that may have no booking. */
    public record OrphanCandidate(String slotId, String bookingId) {
    }

    /** Whether this instance saw the slot with no free seat less than half a second ago. */
    public boolean knownSoldOut(String slotId) {
        Long since = slotId == null ? null : soldOut.get(slotId);
        return since != null && System.nanoTime() - since < SOLD_OUT_REMEMBERED;
    }

    /** Remembers an open slot with no free seat (a closed or cancelled one is refused for that reason, not this). */
    private void remember(Ledger l) {
        // an allotment's operator may still book a slot sold out on free sale: such a slot is not remembered
        if (l.status() == LedgerStatus.OPEN && l.available() <= 0 && l.allotted() == 0) {
            soldOut.put(l.slotId(), System.nanoTime());
        }
        else {
            soldOut.remove(l.slotId());
        }
    }

    /** The one write of every change: the ledger after it (counts only), its event on its way; null when the filter missed. */
    private Ledger write(Document filter, Document update, OutboxEvent event) {
        Document after = ledgers().findOneAndUpdate(filter, update, RETURN_AFTER);
        if (after == null) {
            return null;
        }
        relay.publishAppended(Ledger.COLLECTION, after, List.of(event));
        Ledger ledger = Ledger.of(after);
        remember(ledger);
        return ledger;
    }

    /** Why the slot refuses n more seats by the {@link Bookability} rule, as a hold's result: null when they fit. */
    static HoldResult whyNot(Ledger l, int n, Instant now) {
        return Bookability.refusal(l.status().bookability(), l.cutoffAt(), l.capacity(), l.held() + l.allotted(),
                        l.confirmed(), n, now)
                .map(SeatLedger::holdResult).orElse(null);
    }

    private static HoldResult holdResult(Bookability.Refusal refusal) {
        return switch (refusal) {
            case CANCELLED -> HoldResult.SLOT_CANCELLED;
            case CLOSED -> HoldResult.SLOT_CLOSED;
            case CUTOFF_PASSED -> HoldResult.CUTOFF_PASSED;
            case SOLD_OUT -> HoldResult.SOLD_OUT;
        };
    }

    /**
     * held + confirmed + allotted + n ≤ capacity, evaluated by the store on the stored document at write time
     * ({@code allotted} absent in a ledger written before allocations existed: 0, not null — null would pass).
     */
    private static Document fitsFreeSale(int n) {
        return new Document("$lte", List.of(new Document("$add", List.of("$held", "$confirmed",
                new Document("$ifNull", List.of("$allotted", 0)), n)), "$capacity"));
    }

    /** The operator's allotment (with this id, when given) is not released and has n seats left. */
    private static Document allotmentTakes(String operatorId, String allocationId, int n) {
        Document d = new Document(allotmentField(operatorId, "released"), false)
                .append(allotmentField(operatorId, "left"), new Document("$gte", n));
        if (allocationId != null) {
            d.append(allotmentField(operatorId, "id"), allocationId);
        }
        return d;
    }

    /** The booking's allotment when its entry came from one that is still here and not released. */
    private static Optional<Ledger.Allotment> pooled(Ledger l, Ledger.Entry entry) {
        return entry.pool() == null ? Optional.empty() : l.allotment(entry.pool()).filter(a -> !a.released());
    }

    /** A field of the operator's allotment; operator ids are the gateway's {@code op-<uuid>}, safe as a field name. */
    static String allotmentField(String operatorId, String field) {
        return "allocations." + operatorId + "." + field;
    }

    private MongoCollection<Document> ledgers() {
        return mongo.getCollection(Ledger.COLLECTION);
    }
}
