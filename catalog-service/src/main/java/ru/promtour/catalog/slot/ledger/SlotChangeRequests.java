package ru.promtour.catalog.slot.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.Slot.ChangeAnswer;
import ru.promtour.catalog.slot.Slot.PendingChange;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;

/**
 * An enterprise's change of a slot (capacity, close, reopen, cancel). The seat ledger in booking-service is
 * the only authority on seats, so the catalog does not change the slot itself: it asks the ledger and
 * answers the enterprise with the ledger's decision.
 * <ol>
 *   <li>What the catalog can tell at once, it answers at once: 404 (tenant), 409 for a cancelled slot, 409 for
 *       a capacity below held + confirmed of its read model, and a no-op (the same capacity, closing a
 *       closed slot, ...) when no other change is on its way.</li>
 *   <li>Otherwise ONE conditional write appends the request to the slot's pending changes and
 *       {@code catalog.SlotChangeRequested.v1} to its outbox (the relay publishes it at once).</li>
 *   <li>The call waits at most {@code catalog.change-wait} for the answer: this instance's listener signals
 *       it at once; every {@code catalog.change-poll} the slot document is read again, in case another
 *       instance consumed it. Applied → the slot as stored; refused → 409 with the ledger's figures; no answer
 *       in time → {@link ChangeResult.Pending} (202): the change still lands when the answer comes.</li>
 * </ol>
 * This is the enterprise's rare path; a bounded wait on it is fine, and nothing on the reserve path waits.
 */
@Service
public class SlotChangeRequests {

    private final MongoOperations mongo;
    private final SlotService slots;
    private final SlotEvents events;
    private final OutboxRelay relay;
    private final ChangeWaiters waiters;
    private final CatalogProperties properties;
    private final Clock clock;

    SlotChangeRequests(MongoOperations mongo, SlotService slots, SlotEvents events, OutboxRelay relay,
                       ChangeWaiters waiters, CatalogProperties properties) {
        this.mongo = mongo;
        this.slots = slots;
        this.events = events;
        this.relay = relay;
        this.waiters = waiters;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** New capacity; never below held + confirmed (the ledger decides; the read model refuses what it can). */
    public ChangeResult changeCapacity(String slotId, int capacity) {
        return request(slotId, SlotChange.CAPACITY, capacity, null);
    }

    /** Takes no new holds; closing a closed slot changes nothing; a cancelled one cannot be closed. */
    public ChangeResult close(String slotId, String reason) {
        return request(slotId, SlotChange.CLOSE, null, reason);
    }

    /** Takes holds again; reopening an open slot changes nothing; a cancelled one stays cancelled. */
    public ChangeResult reopen(String slotId) {
        return request(slotId, SlotChange.REOPEN, null, null);
    }

    /** Final; the ledger names every booking holding or owning seats, and booking-service cancels them. */
    public ChangeResult cancel(String slotId, String reason) {
        return request(slotId, SlotChange.CANCEL, null, reason);
    }

    /**
     * Sends {@code changes} to the ledger without waiting for the answers, in ONE write conditional on the version
     * read, together with {@code also} and its events {@code first} (relayed before the requests): the day slot of an
     * opening-hours program whose hours changed ({@code hours.DaySlots}). The answers land on the slot when they come,
     * like late answers to an enterprise's call. False when the slot was written or cancelled since it was read.
     */
    public boolean sendWithoutWaiting(Slot read, List<PendingChange> changes, Update also, List<OutboxEvent> first) {
        Document filter = new Document("_id", read.id()).append("version", read.version())
                .append("status", new Document("$ne", SlotStatus.CANCELLED.name()));
        List<OutboxEvent> out = new ArrayList<>(first);
        if (!changes.isEmpty()) {
            also.push(SlotDocuments.PENDING).each(changes.stream().map(SlotDocuments::pending).toArray());
            changes.forEach(c -> out.add(events.changeRequested(read, c)));
        }
        if (out.isEmpty()) {
            return true;
        }
        if (mongo.updateFirst(new BasicQuery(filter), Outbox.append(also, out), Slot.COLLECTION).getModifiedCount() != 1) {
            return false;
        }
        relay.publishPending(Slot.COLLECTION, read.id());
        return true;
    }

    private ChangeResult request(String slotId, SlotChange change, Integer capacity, String reason) {
        for (int attempt = 0; attempt < properties.writeRetries(); attempt++) {
            Slot current = slots.get(slotId);
            if (nothingToDo(current, change, capacity)) {
                return new ChangeResult.Done(current);
            }
            PendingChange pending = new PendingChange(UUID.randomUUID().toString(), change, capacity,
                    change == SlotChange.CAPACITY ? current.capacity() : null, reason, clock.instant());
            CompletableFuture<Slot> signal = waiters.register(pending.requestId());
            if (!send(current, pending)) {
                // cancelled, or a hold landed below the asked capacity, since our read: decide again
                waiters.forget(pending.requestId());
                continue;
            }
            relay.publishPending(Slot.COLLECTION, slotId);
            return await(current, pending, signal);
        }
        throw new ConflictException("The slot is changing too often right now; retry");
    }

    /** True for a change that changes nothing; throws the conflicts the read model already shows. */
    private static boolean nothingToDo(Slot s, SlotChange change, Integer capacity) {
        if (s.status() == SlotStatus.CANCELLED) {
            if (change == SlotChange.CANCEL) {
                return true;
            }
            throw new ConflictException(cancelledMessage(change));
        }
        // with another change on its way, "the same as now" may not be the same as then: let the ledger order them
        boolean idle = s.pendingChanges().isEmpty();
        return switch (change) {
            case CAPACITY -> {
                if (capacity < s.held() + s.confirmed()) {
                    throw belowSold(capacity, s.held(), s.confirmed(), null);
                }
                yield idle && capacity == s.capacity();
            }
            case CLOSE -> idle && s.status() == SlotStatus.CLOSED;
            case REOPEN -> idle && s.status() == SlotStatus.OPEN;
            case CANCEL -> false;
        };
    }

    /**
     * The request and its event in one write, on the conditions checked above as they are stored now: not
     * cancelled, and for a capacity, held + confirmed still within it.
     */
    private boolean send(Slot s, PendingChange pending) {
        Document filter = new Document("_id", s.id()).append("status", new Document("$ne", SlotStatus.CANCELLED.name()));
        if (pending.change() == SlotChange.CAPACITY) {
            filter.append("$expr", new Document("$lte", List.of(
                    new Document("$add", List.of("$held", "$confirmed")), pending.capacity())));
        }
        Update update = Outbox.append(new Update().push(SlotDocuments.PENDING, SlotDocuments.pending(pending)),
                events.changeRequested(s, pending));
        return mongo.updateFirst(new BasicQuery(filter), update, Slot.COLLECTION).getModifiedCount() == 1;
    }

    private ChangeResult await(Slot asked, PendingChange pending, CompletableFuture<Slot> signal) {
        long deadline = System.nanoTime() + properties.changeWait().toNanos();
        Slot seen = asked;
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                try {
                    seen = signal.get(Math.min(left, properties.changePoll().toNanos()), TimeUnit.NANOSECONDS);
                }
                catch (TimeoutException ex) {
                    seen = slots.get(asked.id());
                }
                Optional<ChangeResult> result = outcome(seen, pending);
                if (result.isPresent()) {
                    return result.get();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("The change signal never fails", ex);
        }
        finally {
            waiters.forget(pending.requestId());
        }
        return new ChangeResult.Pending(seen, pending);
    }

    /** The outcome if the slot shows the answer; empty while the request is still pending. */
    private static Optional<ChangeResult> outcome(Slot seen, PendingChange pending) {
        Optional<ChangeAnswer> answer = seen.answer(pending.requestId());
        if (answer.isEmpty()) {
            // neither pending nor answered: applied, and more answers came since than the slot keeps
            return seen.pending(pending.requestId()).isPresent() ? Optional.empty() : Optional.of(new ChangeResult.Done(seen));
        }
        if (answer.get().applied()) {
            return Optional.of(new ChangeResult.Done(seen));
        }
        throw refused(answer.get(), pending);
    }

    private static ConflictException refused(ChangeAnswer answer, PendingChange pending) {
        if ("BELOW_HELD_PLUS_CONFIRMED".equals(answer.reason()) && answer.held() != null && answer.confirmed() != null) {
            return belowSold(pending.capacity(), answer.held(), answer.confirmed(), answer.reason());
        }
        if ("SLOT_CANCELLED".equals(answer.reason())) {
            return new ConflictException(cancelledMessage(pending.change()), Map.of("reason", answer.reason()));
        }
        Map<String, Object> details = new HashMap<>();
        details.put("reason", answer.reason());
        return new ConflictException("The seat ledger refused the change (" + answer.reason() + ")"
                + (answer.message() == null ? "" : ": " + answer.message()), details);
    }

    private static ConflictException belowSold(int capacity, int held, int confirmed, String reason) {
        Map<String, Object> details = new HashMap<>(Map.of("held", held, "confirmed", confirmed, "requestedCapacity", capacity));
        if (reason != null) {
            details.put("reason", reason);
        }
        return new ConflictException("Capacity " + capacity + " is below held + confirmed = " + (held + confirmed)
                + " (held " + held + ", confirmed " + confirmed + ")", details);
    }

    private static String cancelledMessage(SlotChange change) {
        return switch (change) {
            case CLOSE -> "The slot is cancelled; a cancelled slot cannot be closed";
            case REOPEN -> "The slot is cancelled; a cancelled slot cannot be reopened";
            default -> "The slot is cancelled";
        };
    }
}
