package ru.promtour.catalog.slot;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.Ids;
import ru.promtour.catalog.shared.InvalidInputException;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Creates slots (one, or a schedule) and manages their capacity and status. Each change is one
 * single-document update that carries its event (outbox) and is conditional on the version read, so the
 * event describes exactly the stored state even while the seat saga writes the same document.
 * <p>
 * {@code SlotPublished} goes out for every slot when it is created, whatever the excursion's status: a
 * slot is inventory, and whether it is offered follows from the excursion's own events
 * ({@code ExcursionPublished}/{@code ExcursionUnpublished}). That keeps publishing an excursion a
 * single-document write instead of a fan-out over all its slots.
 */
@Service
public class SlotService {

    private final MongoOperations mongo;
    private final CurrentTenant tenant;
    private final ExcursionService excursions;
    private final EnterpriseService enterprises;
    private final SlotEvents events;
    private final OutboxRelay relay;
    private final CatalogProperties properties;
    private final Clock clock;

    public SlotService(MongoOperations mongo, CurrentTenant tenant, ExcursionService excursions,
                       EnterpriseService enterprises, SlotEvents events, OutboxRelay relay,
                       CatalogProperties properties) {
        this.mongo = mongo;
        this.tenant = tenant;
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.events = events;
        this.relay = relay;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One slot at a local date-time of the enterprise's zone. */
    public Slot create(String excursionId, LocalDateTime localStart, int capacity) {
        Excursion excursion = excursions.get(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        Instant start = ScheduleGenerator.resolve(localStart, zone);
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("localStart", "must be in the future (in " + zone + ")");
        }
        Slot slot = insert(excursion, start, zone, capacity);
        if (slot == null) {
            throw new ConflictException("A slot of this excursion already starts at " + localStart + " (" + zone + ")");
        }
        return slot;
    }

    /**
     * Slots for a weekly pattern. Idempotent: starts that already have a slot are skipped (unique index on
     * excursion + start), so repeating the request creates nothing new.
     */
    public ScheduleResult schedule(String excursionId, Set<DayOfWeek> days, List<LocalTime> times, LocalDate from,
                                   LocalDate to, int capacity) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        long span = ChronoUnit.DAYS.between(from, to) + 1;
        if (span > properties.scheduleMaxDays()) {
            throw new InvalidInputException("to", "a schedule spans at most " + properties.scheduleMaxDays() + " days");
        }
        Excursion excursion = excursions.get(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        List<Instant> starts = ScheduleGenerator.starts(days, times, from, to, zone, clock.instant());
        if (starts.size() > properties.scheduleMaxSlots()) {
            throw new InvalidInputException("times", "the schedule would create " + starts.size()
                    + " slots; at most " + properties.scheduleMaxSlots() + " per request");
        }
        Set<Instant> existing = new HashSet<>();
        if (!starts.isEmpty()) {
            Query query = query(where("excursionId").is(excursionId).and("start").gte(starts.get(0)).lte(starts.get(starts.size() - 1)));
            query.fields().include("start");
            mongo.find(query, Document.class, Slot.COLLECTION)
                    .forEach(doc -> existing.add(((java.util.Date) doc.get("start")).toInstant()));
        }
        List<String> ids = new ArrayList<>();
        int skipped = 0;
        for (Instant start : starts) {
            Slot slot = existing.contains(start) ? null : insert(excursion, start, zone, capacity);
            if (slot == null) {
                skipped++;
            }
            else {
                ids.add(slot.id());
            }
        }
        return new ScheduleResult(ids, skipped);
    }

    /** The excursion's slots starting on local dates from..to (inclusive; default today + 30 days) of the enterprise's zone. */
    public List<Slot> list(String excursionId, LocalDate fromOrNull, LocalDate toOrNull) {
        Excursion excursion = excursions.get(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        LocalDate from = fromOrNull != null ? fromOrNull : LocalDate.now(clock.withZone(zone));
        LocalDate to = toOrNull != null ? toOrNull : from.plusDays(30);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.listMaxDays()) {
            throw new InvalidInputException("to", "a listing covers at most " + properties.listMaxDays() + " days");
        }
        return startingBetween(excursionId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Read side without an ownership check (OCTO and the public catalog show every published program): the
     * excursion's slots starting in [from, to), by start, through the {@code {excursionId, start}} index. The
     * outbox and the hold arrays are not read; the counts are.
     */
    public List<Slot> startingBetween(String excursionId, Instant from, Instant to) {
        return counts(query(where("excursionId").is(excursionId).and("start").gte(from).lt(to)));
    }

    /** Read side without an ownership check: those of {@code slotIds} that belong to the excursion, by start. */
    public List<Slot> byIds(String excursionId, Collection<String> slotIds) {
        return counts(query(where("_id").in(slotIds).and("excursionId").is(excursionId)));
    }

    /** Start instant and zone of every slot of these excursions starting at or after {@code from}; one query. */
    public List<SlotStart> startsFrom(Collection<String> excursionIds, Instant from) {
        Query query = query(where("excursionId").in(excursionIds).and("start").gte(from));
        query.fields().include("excursionId", "start", "timeZone");
        return mongo.find(query, Document.class, Slot.COLLECTION).stream()
                .map(doc -> new SlotStart(doc.getString("excursionId"), doc.getDate("start").toInstant(),
                        doc.getString("timeZone")))
                .toList();
    }

    private List<Slot> counts(Query query) {
        query.with(Sort.by("start")).fields().exclude(Outbox.FIELD, "holds", "confirmedBookings", SeatInventory.RELEASED);
        return mongo.find(query, Slot.class, Slot.COLLECTION);
    }

    /** The slot, or 404 for an unknown id and for another enterprise's slot alike. */
    public Slot get(String slotId) {
        Slot slot = mongo.findById(slotId, Slot.class, Slot.COLLECTION);
        if (slot == null || !tenant.get().canAccessEnterprise(slot.enterpriseId())) {
            throw new NotFoundForTenantException();
        }
        return slot;
    }

    /**
     * New capacity; never below held + confirmed. The update's filter re-checks that on the stored
     * document, so a hold that lands between our read and our write cannot be oversold.
     */
    public Slot changeCapacity(String slotId, int capacity) {
        return change(slotId, current -> {
            if (current.status() == SlotStatus.CANCELLED) {
                throw new ConflictException("The slot is cancelled");
            }
            int sold = current.held() + current.confirmed();
            if (capacity < sold) {
                throw new ConflictException("Capacity " + capacity + " is below held + confirmed = " + sold
                        + " (held " + current.held() + ", confirmed " + current.confirmed() + ")",
                        Map.of("held", current.held(), "confirmed", current.confirmed(), "requestedCapacity", capacity));
            }
            if (capacity == current.capacity()) {
                return null;
            }
            Slot after = with(current, capacity, current.status(), current.cancelReason());
            return new Change(after, new Update().set("capacity", capacity), SeatGuards.soldPlusAtMost(0, capacity),
                    events.capacityChanged(after, current.capacity(), after.updatedAt()));
        });
    }

    /** Takes no new holds; closing a closed slot changes nothing; a cancelled one cannot be closed. */
    public Slot close(String slotId, String reason) {
        return change(slotId, current -> switch (current.status()) {
            case CLOSED -> null;
            case CANCELLED -> throw new ConflictException("The slot is cancelled; a cancelled slot cannot be closed");
            case OPEN -> {
                Slot after = with(current, current.capacity(), SlotStatus.CLOSED, null);
                yield new Change(after, new Update().set("status", SlotStatus.CLOSED), null,
                        events.closed(after, reason, after.updatedAt()));
            }
        });
    }

    /** Takes holds again; reopening an open slot changes nothing; a cancelled one stays cancelled. */
    public Slot reopen(String slotId) {
        return change(slotId, current -> switch (current.status()) {
            case OPEN -> null;
            case CANCELLED -> throw new ConflictException("The slot is cancelled; a cancelled slot cannot be reopened");
            case CLOSED -> {
                Slot after = with(current, current.capacity(), SlotStatus.OPEN, null);
                yield new Change(after, new Update().set("status", SlotStatus.OPEN), null,
                        events.reopened(after, after.updatedAt()));
            }
        });
    }

    /** Final. The event names every booking holding or owning seats at the moment of the write. */
    public Slot cancel(String slotId, String reason) {
        return change(slotId, current -> {
            if (current.status() == SlotStatus.CANCELLED) {
                return null;
            }
            Slot after = with(current, current.capacity(), SlotStatus.CANCELLED, reason);
            return new Change(after, new Update().set("status", SlotStatus.CANCELLED).set("cancelReason", reason), null,
                    events.cancelled(after, reason, after.updatedAt()));
        });
    }

    private Slot insert(Excursion excursion, Instant start, ZoneId zone, int capacity) {
        Instant now = clock.instant();
        Slot slot = new Slot(Ids.next("slot"), excursion.id(), excursion.enterpriseId(), start, zone.getId(), capacity,
                0, 0, SlotStatus.OPEN, List.of(), List.of(), 1, null, now, now);
        try {
            Outbox.insert(mongo, Slot.COLLECTION, slot, events.published(slot, now));
        }
        catch (DuplicateKeyException ex) {
            return null;
        }
        relay.publishPending(Slot.COLLECTION, slot.id());
        return slot;
    }

    private Slot with(Slot s, int capacity, SlotStatus status, String cancelReason) {
        return new Slot(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(), capacity, s.held(),
                s.confirmed(), status, s.holds(), s.confirmedBookings(), s.version() + 1, cancelReason, s.createdAt(),
                clock.instant());
    }

    /**
     * Read, decide, write conditionally on the version read (plus the decision's own guard); when a
     * concurrent write won, decide again on the fresh state. {@code decide} returns null for "nothing to
     * do" and may throw a conflict.
     */
    private Slot change(String slotId, Function<Slot, Change> decide) {
        for (int attempt = 0; attempt < properties.writeRetries(); attempt++) {
            Slot current = get(slotId);
            Change change = decide.apply(current);
            if (change == null) {
                return current;
            }
            Document filter = new Document("_id", current.id()).append("version", current.version());
            if (change.guard() != null) {
                filter.putAll(change.guard());
            }
            Update update = Outbox.append(change.update()
                    .set("version", change.after().version())
                    .set("updatedAt", change.after().updatedAt()), change.event());
            if (mongo.updateFirst(new BasicQuery(filter), update, Slot.class, Slot.COLLECTION).getModifiedCount() == 1) {
                relay.publishPending(Slot.COLLECTION, slotId);
                return change.after();
            }
        }
        throw new ConflictException("The slot is changing too often right now; retry");
    }

    private record Change(Slot after, Update update, Document guard, OutboxEvent event) {
    }

    /** When a slot starts, without its counts. */
    public record SlotStart(String excursionId, Instant start, String timeZone) {
    }

    /** What a schedule request did. */
    public record ScheduleResult(List<String> createdIds, int skipped) {
    }
}
