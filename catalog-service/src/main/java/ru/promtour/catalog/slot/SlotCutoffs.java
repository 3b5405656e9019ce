package ru.promtour.catalog.slot;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.excursion.ExcursionProgramSaved;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.seats.Bookability;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps each future slot's {@code cutoffAt} at start − its program's booking cut-off
 * ({@link Bookability#cutoffAt}). A slot gets it when it is created ({@link SlotService}); when the program is
 * saved, every slot not started yet whose cut-off differs (or is not stored: a slot stored before the field) gets
 * the new one in one write with its {@code catalog.SlotCutoffChanged.v1}, conditional on the slot's version, so
 * the event describes the stored slot and the seat ledger moves the same instant instead of recomputing it.
 * <p>
 * This is a fan-out over the program's future slots, one write each, when a program is saved (rare). A crash
 * between the program's write and this leaves slots on the old cut-off until the program is saved again.
 */
@Service
public class SlotCutoffs {

    private final MongoOperations mongo;
    private final SlotEvents events;
    private final OutboxRelay relay;
    private final CatalogProperties properties;
    private final Clock clock;

    public SlotCutoffs(MongoOperations mongo, SlotEvents events, OutboxRelay relay, CatalogProperties properties) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void programSaved(ExcursionProgramSaved saved) {
        follow(saved.excursionId(), saved.program().bookingCutoffHours());
    }

    /** Moves the cut-off of the excursion's slots not started yet to {@code cutoffHours} before their start; how many moved. */
    public int follow(String excursionId, int cutoffHours) {
        Instant now = clock.instant();
        int moved = 0;
        for (Slot slot : slots(query(where("excursionId").is(excursionId).and("start").gt(now)))) {
            if (move(slot, cutoffHours, now)) {
                moved++;
            }
        }
        return moved;
    }

    private boolean move(Slot read, int cutoffHours, Instant now) {
        Slot s = read;
        for (int attempt = 0; attempt < properties.writeRetries(); attempt++) {
            Instant cutoffAt = Bookability.cutoffAt(s.start(), cutoffHours);
            if (cutoffAt.equals(s.cutoffAt())) {
                return false;
            }
            Slot after = s.withCutoffAt(cutoffAt, s.version() + 1, now);
            Update update = new Update().set("cutoffAt", Date.from(cutoffAt)).set("version", after.version())
                    .set("updatedAt", Date.from(now));
            Outbox.append(update, events.cutoffChanged(after, s.cutoffAt(), now));
            if (mongo.updateFirst(query(where("_id").is(s.id()).and("version").is(s.version())), update,
                    Slot.COLLECTION).getModifiedCount() == 1) {
                relay.publishPending(Slot.COLLECTION, s.id());
                return true;
            }
            List<Slot> again = slots(query(where("_id").is(s.id())));
            if (again.isEmpty()) {
                return false;
            }
            s = again.get(0);
        }
        throw new IllegalStateException("Slot " + read.id() + " changed too often to move its cut-off; save the program again");
    }

    private List<Slot> slots(Query query) {
        return mongo.find(SlotService.countsOnly(query), Slot.class, Slot.COLLECTION);
    }
}
