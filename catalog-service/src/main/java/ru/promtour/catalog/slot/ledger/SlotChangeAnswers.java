package ru.promtour.catalog.slot.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.Slot.ChangeAnswer;
import ru.promtour.catalog.slot.Slot.PendingChange;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.ledger.LedgerAnswer.Applied;
import ru.promtour.catalog.slot.ledger.LedgerAnswer.Refused;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Lands the ledger's answers to the catalog's change requests on the slot. Each answer is one conditional
 * write that also removes the pending request, so applying it is idempotent: a duplicate or an answer to a
 * request this slot never made matches nothing and changes nothing.
 * <ul>
 *   <li>{@code Applied}: capacity/status (and the cancel reason) change, the catalog's {@code version} grows,
 *       and the fact event ({@code SlotCapacityChanged}, {@code SlotClosed}, {@code SlotReopened},
 *       {@code SlotCancelled}) goes into the same write's outbox, with the counts of the answer's ledger. The
 *       read-model fields are taken from the answer only if it is newer than what the slot already shows.
 *       The write is conditional on the {@code version} read, so the event describes the stored state even
 *       when two answers land at once.</li>
 *   <li>{@code Refused}: the request leaves, the slot is otherwise unchanged (a refusal is not a change).</li>
 * </ul>
 * Either way the answer is kept in {@code changeAnswers} (the last {@value Slot#ANSWERS_KEPT}) and signalled
 * to a call of this instance waiting for it.
 */
@Service
public class SlotChangeAnswers {

    private static final Logger log = LoggerFactory.getLogger(SlotChangeAnswers.class);

    private final MongoOperations mongo;
    private final SlotEvents events;
    private final OutboxRelay relay;
    private final ChangeWaiters waiters;
    private final CatalogProperties properties;
    private final Clock clock;

    SlotChangeAnswers(MongoOperations mongo, SlotEvents events, OutboxRelay relay, ChangeWaiters waiters,
                      CatalogProperties properties) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.waiters = waiters;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Applies one answer; true when this call wrote it, false when there was nothing (left) to apply. */
    public boolean apply(LedgerAnswer answer) {
        for (int attempt = 0; attempt < properties.writeRetries(); attempt++) {
            Slot slot = read(answer.slotId());
            PendingChange pending = slot == null ? null : slot.pending(answer.requestId()).orElse(null);
            if (pending == null) {
                log.info("Ledger answer to {} on slot {}: {}; nothing to do", answer.requestId(), answer.slotId(),
                        slot == null ? "unknown slot" : slot.answer(answer.requestId()).isPresent()
                                ? "already applied (duplicate)" : "no such request");
                return false;
            }
            Slot stored = answer instanceof Applied applied ? applied(slot, pending, applied) : refused(slot, (Refused) answer);
            if (stored != null) {
                waiters.answered(answer.requestId(), stored);
                return true;
            }
        }
        throw new IllegalStateException("Slot " + answer.slotId() + " changed too often to apply answer "
                + answer.requestId() + "; retry");
    }

    private Slot applied(Slot s, PendingChange pending, Applied answer) {
        Instant now = clock.instant();
        Ledger ledger = answer.ledger();
        boolean newer = ledger.version() > s.ledgerVersion();
        String cancelReason = answer.change() == SlotChange.CANCEL ? pending.reason() : s.cancelReason();
        ChangeAnswer kept = new ChangeAnswer(answer.requestId(), answer.change(), true, null, null,
                pending.capacity(), ledger.held(), ledger.confirmed(), now);
        Slot withAnswer = s.withAnswer(kept, s.version() + 1, cancelReason, now);
        // what the ledger says right after the change: the fact event reports exactly this
        Slot asAnswered = withAnswer.withSeats(ledger.capacity(), ledger.held(), ledger.confirmed(), ledger.status(),
                Math.max(s.ledgerVersion(), ledger.version()));
        Slot stored = newer ? asAnswered : withAnswer;

        Document filter = pendingFilter(s, answer.requestId()).append("version", s.version());
        Update update = answered(answer.requestId(), kept).set("version", s.version() + 1).set("updatedAt", Date.from(now));
        if (answer.change() == SlotChange.CANCEL) {
            update.set("cancelReason", cancelReason);
        }
        if (newer) {
            filter.putAll(SeatReadModel.newerThanStored(s.id(), ledger.version()));
            SeatReadModel.setCounts(update, ledger);
        }
        Outbox.append(update, fact(asAnswered, pending, answer, now));
        if (mongo.updateFirst(new BasicQuery(filter), update, Slot.COLLECTION).getModifiedCount() != 1) {
            return null;
        }
        relay.publishPending(Slot.COLLECTION, s.id());
        log.info("Slot {}: {} {} applied by the ledger (version {})", s.id(), answer.change(), answer.requestId(), ledger.version());
        return stored;
    }

    private Slot refused(Slot s, Refused answer) {
        Instant now = clock.instant();
        Ledger ledger = answer.ledger();
        ChangeAnswer kept = new ChangeAnswer(answer.requestId(), answer.change(), false, answer.reason(),
                answer.message(), answer.capacity(), ledger == null ? null : ledger.held(),
                ledger == null ? null : ledger.confirmed(), now);
        if (mongo.updateFirst(new BasicQuery(pendingFilter(s, answer.requestId())), answered(answer.requestId(), kept),
                Slot.COLLECTION).getModifiedCount() != 1) {
            return null;
        }
        log.info("Slot {}: {} {} refused by the ledger: {}", s.id(), answer.change(), answer.requestId(), answer.reason());
        return s.withAnswer(kept, s.version(), s.cancelReason(), s.updatedAt());
    }

    private OutboxEvent fact(Slot after, PendingChange pending, Applied answer, Instant now) {
        return switch (answer.change()) {
            case CAPACITY -> events.capacityChanged(after, answer.previousCapacity() != null ? answer.previousCapacity()
                    : pending.previousCapacity() != null ? pending.previousCapacity() : after.capacity(), now);
            case CLOSE -> events.closed(after, pending.reason(), now);
            case REOPEN -> events.reopened(after, now);
            case CANCEL -> events.cancelled(after, pending.reason(), answer.affectedBookingIds(), now);
        };
    }

    private static Document pendingFilter(Slot s, String requestId) {
        return new Document("_id", s.id()).append(SlotDocuments.PENDING + ".requestId", requestId);
    }

    /** Removes the pending request and keeps the answer (the last {@value Slot#ANSWERS_KEPT}). */
    private static Update answered(String requestId, ChangeAnswer kept) {
        Update update = new Update().pull(SlotDocuments.PENDING, new Document("requestId", requestId));
        update.push(SlotDocuments.ANSWERS).slice(-Slot.ANSWERS_KEPT).each(SlotDocuments.answer(kept));
        return update;
    }

    private Slot read(String slotId) {
        Query query = new Query(where("_id").is(slotId));
        query.fields().exclude(Outbox.FIELD);
        return mongo.findOne(query, Slot.class, Slot.COLLECTION);
    }
}
