package ru.promtour.catalog.slot.hours;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.excursion.AvailabilityType;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgramSaved;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.catalog.slot.ledger.SlotChangeRequests;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.seats.Bookability;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps the day slots of opening-hours programs ({@link DayRules}) for the next {@code catalog.opening-hours.days}
 * local dates. When a program is saved (created, or a PUT) every future date is brought in step with its hours; every
 * {@code roll-interval} the dates coming into the window are added (only added: an existing day changes only when its
 * program is saved, so a date the enterprise closed or reopened by hand stays so until then).
 * <p>
 * Every write is single-document and idempotent: a new day is an insert under its derived id (a second one collides
 * and is skipped), a changed day one write conditional on the version read carrying its events and its requests to
 * the seat ledger ({@link SlotChangeRequests#sendWithoutWaiting}); the ledger's answers land as for any slot change.
 * A crash part-way leaves some dates behind until the program is saved again or, for new dates, the next roll.
 */
@Service
@EnableConfigurationProperties(OpeningHoursProperties.class)
public class DaySlots {

    private static final Logger log = LoggerFactory.getLogger(DaySlots.class);

    private final MongoOperations mongo;
    private final EnterpriseService enterprises;
    private final SlotService slots;
    private final SlotChangeRequests changes;
    private final SlotEvents events;
    private final OpeningHoursProperties properties;
    private final CatalogProperties catalog;
    private final Clock clock;

    DaySlots(MongoOperations mongo, EnterpriseService enterprises, SlotService slots, SlotChangeRequests changes,
             SlotEvents events, OpeningHoursProperties properties, CatalogProperties catalog) {
        this.mongo = mongo;
        this.enterprises = enterprises;
        this.slots = slots;
        this.changes = changes;
        this.events = events;
        this.properties = properties;
        this.catalog = catalog;
        this.clock = Clock.systemUTC();
    }

    @EventListener
    void programSaved(ExcursionProgramSaved saved) {
        Excursion excursion = excursion(saved.excursionId());
        if (excursion != null) {
            sync(excursion, true);
        }
    }

    /** Adds the dates that came into the window; every instance may run it (inserts are idempotent). */
    @Scheduled(fixedDelayString = "${catalog.opening-hours.roll-interval:1h}",
            initialDelayString = "${catalog.opening-hours.roll-interval:1h}")
    public void roll() {
        Query programs = query(where("program.availabilityType").is(AvailabilityType.OPENING_HOURS.name()));
        programs.fields().exclude(Outbox.FIELD);
        for (Excursion excursion : mongo.find(programs, Excursion.class, Excursion.COLLECTION)) {
            try {
                sync(excursion, false);
            }
            catch (RuntimeException ex) {
                log.warn("Day slots of {} not rolled forward: {}", excursion.id(), ex.toString());
            }
        }
    }

    /**
     * The program's days from today on: missing open dates inserted; with {@code reconcile} also every existing future
     * day brought in step (a program no longer sold by hours closes its days). How many days were inserted or changed.
     */
    public int sync(Excursion excursion, boolean reconcile) {
        ExcursionProgram program = excursion.program();
        if (!program.openingHoursProduct() && !reconcile) {
            return 0;
        }
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Slot> existing = new HashMap<>();
        Query days = query(where("excursionId").is(excursion.id()).and("openingHours").exists(true)
                .and("start").gte(today.atStartOfDay(zone).toInstant()));
        days.with(Sort.by("start")).fields().exclude(Outbox.FIELD, "changeAnswers");
        mongo.find(days, Slot.class, Slot.COLLECTION).forEach(s -> existing.put(s.id(), s));
        if (!program.openingHoursProduct() && existing.isEmpty()) {
            return 0;
        }
        int done = 0;
        int window = program.openingHoursProduct() ? properties.days() : 0;
        for (LocalDate date = today; date.isBefore(today.plusDays(window)); date = date.plusDays(1)) {
            DayRules.Day day = DayRules.day(program.openingHours(), date, zone);
            Slot slot = existing.remove(DayRules.dayId(excursion.id(), date));
            if (slot == null) {
                done += insert(excursion, day, zone) ? 1 : 0;
            }
            else if (reconcile) {
                done += follow(slot, day, program) ? 1 : 0;
            }
        }
        if (reconcile) {
            // beyond the window, or the program left opening hours: as the hours say (closed without them)
            for (Slot slot : existing.values()) {
                done += follow(slot, DayRules.day(program.openingHours(), slot.localDate(), zone), program) ? 1 : 0;
            }
        }
        return done;
    }

    private boolean insert(Excursion excursion, DayRules.Day day, ZoneId zone) {
        if (!day.open() || !day.start().isAfter(clock.instant())) {
            return false;
        }
        return slots.insertDay(DayRules.dayId(excursion.id(), day.date()), excursion, day.start(), zone,
                excursion.program().openingHours().dailyCapacity(), day.ranges()) != null;
    }

    /** One conditional write per changed day; re-read and decided again when another write came first. */
    private boolean follow(Slot read, DayRules.Day day, ExcursionProgram program) {
        Slot slot = read;
        int capacity = program.openingHours() == null ? slot.capacity() : program.openingHours().dailyCapacity();
        for (int attempt = 0; attempt < catalog.writeRetries(); attempt++) {
            if (slot.status() == SlotStatus.CANCELLED || !slot.start().isAfter(clock.instant())) {
                return false; // final, or the day is under way: it keeps the hours it opened with
            }
            DayRules.Decision decision = DayRules.decide(slot, day, capacity);
            if (decision.none()) {
                return false;
            }
            try {
                if (write(slot, day, decision, program)) {
                    return true;
                }
            }
            catch (DuplicateKeyException ex) {
                log.warn("Day {} cannot move its start to {}: another slot of the program starts then", slot.id(), day.start());
                return false;
            }
            slot = mongo.findOne(query(where("_id").is(slot.id())), Slot.class, Slot.COLLECTION);
            if (slot == null) {
                return false;
            }
        }
        log.warn("Day {} changed too often to follow its program's hours; save the program again", read.id());
        return false;
    }

    private boolean write(Slot s, DayRules.Day day, DayRules.Decision decision, ExcursionProgram program) {
        Instant now = clock.instant();
        Update update = new Update();
        List<OutboxEvent> first = new ArrayList<>();
        Slot asked = s;
        if (decision.moveHours()) {
            Instant start = day.open() ? day.start() : s.start();
            Instant cutoffAt = Bookability.cutoffAt(start, program.bookingCutoffHours());
            asked = new Slot(s.id(), s.excursionId(), s.enterpriseId(), start, s.timeZone(), cutoffAt, s.capacity(),
                    s.held(), s.confirmed(), s.status(), s.version() + 1, s.ledgerVersion(), s.cancelReason(),
                    s.pendingChanges(), s.changeAnswers(), s.createdAt(), now, day.ranges(), s.allotted(), s.allotments());
            update.set("start", Date.from(start)).set("cutoffAt", Date.from(cutoffAt)).set("version", asked.version())
                    .set("updatedAt", Date.from(now)).set("openingHours", day.ranges());
            // the ledger moves its cut-off, booking's copy its start and hours (the event carries the slot as it is now)
            first.add(events.cutoffChanged(asked, s.cutoffAt(), now));
        }
        List<Slot.PendingChange> requests = new ArrayList<>();
        if (decision.status() != null) {
            requests.add(new Slot.PendingChange(UUID.randomUUID().toString(), decision.status(), null, null,
                    decision.status() == SlotChange.CLOSE ? DayRules.CLOSED_BY_HOURS : null, now));
        }
        if (decision.capacity() != null) {
            requests.add(new Slot.PendingChange(UUID.randomUUID().toString(), SlotChange.CAPACITY, decision.capacity(),
                    s.capacity(), null, now));
        }
        return changes.sendWithoutWaiting(s, requests, update, first);
    }

    private Excursion excursion(String id) {
        Query query = query(where("_id").is(id));
        query.fields().exclude(Outbox.FIELD);
        return mongo.findOne(query, Excursion.class, Excursion.COLLECTION);
    }
}
