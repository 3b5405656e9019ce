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
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.Ids;
import ru.promtour.catalog.shared.InvalidInputException;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.seats.Bookability;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Creates slots (one, or a schedule) and reads them. Each new slot is one insert that carries its
 * {@code SlotPublished} (outbox) with its booking cut-off computed from the program; the seat ledger
 * (booking-service) creates its side of the slot from that event. Changes of capacity and status are requests to
 * the ledger ({@code ledger.SlotChangeRequests}); a change of the program's cut-off moves it ({@link SlotCutoffs}).
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
    private final SlotCutoffs cutoffs;
    private final CatalogProperties properties;
    private final Clock clock;

    public SlotService(MongoOperations mongo, CurrentTenant tenant, ExcursionService excursions,
                       EnterpriseService enterprises, SlotEvents events, OutboxRelay relay, SlotCutoffs cutoffs,
                       CatalogProperties properties) {
        this.mongo = mongo;
        this.tenant = tenant;
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.events = events;
        this.relay = relay;
        this.cutoffs = cutoffs;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One slot at a local date-time of the enterprise's zone. */
    public Slot create(String excursionId, LocalDateTime localStart, int capacity) {
        Excursion excursion = startTimeProgram(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        Instant start = ScheduleGenerator.resolve(localStart, zone);
        if (!start.isAfter(clock.instant())) {
            throw new InvalidInputException("localStart", "must be in the future (in " + zone + ")");
        }
        ScheduleGenerator.requireWithinHorizon("localStart", localStart.toLocalDate(), LocalDate.now(clock.withZone(zone)),
                properties.slotHorizon());
        Slot slot = insert(excursion, start, zone, capacity);
        if (slot == null) {
            throw new ConflictException("A slot of this excursion already starts at " + localStart + " (" + zone + ")");
        }
        return followCutoffSavedMeanwhile(excursion) ? get(slot.id()) : slot;
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
        Excursion excursion = startTimeProgram(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        ScheduleGenerator.requireWithinHorizon("to", to, LocalDate.now(clock.withZone(zone)), properties.slotHorizon());
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
        if (!ids.isEmpty()) {
            followCutoffSavedMeanwhile(excursion);
        }
        return new ScheduleResult(ids, skipped);
    }

    /** The caller's excursion, if it is sold by start times: an OPENING_HOURS program's days follow its hours. */
    private Excursion startTimeProgram(String excursionId) {
        Excursion excursion = excursions.get(excursionId);
        if (excursion.program().openingHoursProduct()) {
            throw new ConflictException("The program is sold by opening hours: its days follow openingHours"
                    + " (PUT the program to change them), it takes no start-time slots");
        }
        return excursion;
    }

    /** The excursion's slots starting on local dates from..to (inclusive; default today + 30 days) of the enterprise's zone. */
    public List<Slot> list(String excursionId, LocalDate fromOrNull, LocalDate toOrNull) {
        Excursion excursion = excursions.get(excursionId);
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        LocalDate from = fromOrNull != null ? fromOrNull : LocalDate.now(clock.withZone(zone));
        requireCalendarDate("from", from);
        LocalDate to = toOrNull != null ? toOrNull : from.plusDays(30);
        requireCalendarDate("to", to);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.listMaxDays()) {
            throw new InvalidInputException("to", "a listing covers at most " + properties.listMaxDays() + " days");
        }
        return startingBetween(excursionId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Refuses a date outside years 1–9999: ISO dates go to year ±999999999, which overflows the store's date type (a
     * 500, found by the fuzzer) and names no day anyone lists slots for.
     */
    private static void requireCalendarDate(String field, LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new InvalidInputException(field, "must be a date from 0001-01-01 to 9999-12-31");
        }
    }

    /**
     * Read side without an ownership check (OCTO and the public catalog show every published program): the
     * excursion's slots starting in [from, to), by start, through the {@code {excursionId, start}} index. The
     * outbox and the change requests are not read; the counts are.
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
        return mongo.find(countsOnly(query), Slot.class, Slot.COLLECTION);
    }

    /** The query sorted by start, reading the slots without their outbox and change lists. */
    static Query countsOnly(Query query) {
        query.with(Sort.by("start")).fields().exclude(Outbox.FIELD, "pendingChanges", "changeAnswers");
        return query;
    }

    /** The slot (without its outbox), or 404 for an unknown id and for another enterprise's slot alike. */
    public Slot get(String slotId) {
        Query query = query(where("_id").is(slotId));
        query.fields().exclude(Outbox.FIELD);
        Slot slot = mongo.findOne(query, Slot.class, Slot.COLLECTION);
        if (slot == null || !tenant.get().canAccessEnterprise(slot.enterpriseId())) {
            throw new NotFoundForTenantException();
        }
        return slot;
    }

    /**
     * New slots took their cut-off from the program as read before they were inserted. If the program's cut-off was
     * saved in between, its {@link SlotCutoffs} run may have missed them: they follow it now. (Read after the
     * inserts, so either this sees the new cut-off or that run saw the new slots.) True when the cut-off had changed.
     */
    private boolean followCutoffSavedMeanwhile(Excursion used) {
        int hours = excursions.get(used.id()).program().bookingCutoffHours();
        if (hours == used.program().bookingCutoffHours()) {
            return false;
        }
        cutoffs.follow(used.id(), hours);
        return true;
    }

    private Slot insert(Excursion excursion, Instant start, ZoneId zone, int capacity) {
        return insert(Ids.next("slot"), excursion, start, zone, capacity, null);
    }

    /**
     * A start-time slot under the given {@code id} (the history import derives it from excursion and start), with
     * its {@code SlotPublished}; null if the id or the excursion's start is taken. No check of the start: callers do.
     */
    public Slot insertWithId(String id, Excursion excursion, Instant start, ZoneId zone, int capacity) {
        return insert(id, excursion, start, zone, capacity, null);
    }

    /** The id of the excursion's slot starting at {@code start}, if there is one. */
    public Optional<String> idAt(String excursionId, Instant start) {
        Query query = query(where("excursionId").is(excursionId).and("start").is(start));
        query.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(query, Document.class, Slot.COLLECTION))
                .map(doc -> doc.getString("_id"));
    }

    /**
     * The day slot {@code id} of an OPENING_HOURS program: starts at the date's first opening time (so the booking
     * cut-off, hold expiry and reminders work as for a start time), carries the date's ranges. Null if it exists.
     */
    public Slot insertDay(String id, Excursion excursion, Instant start, ZoneId zone, int capacity,
                          List<TimeRange> openingHours) {
        return insert(id, excursion, start, zone, capacity, List.copyOf(openingHours));
    }

    private Slot insert(String id, Excursion excursion, Instant start, ZoneId zone, int capacity,
                        List<TimeRange> openingHours) {
        Instant now = clock.instant();
        Instant cutoffAt = Bookability.cutoffAt(start, excursion.program().bookingCutoffHours());
        Slot slot = new Slot(id, excursion.id(), excursion.enterpriseId(), start, zone.getId(), cutoffAt,
                capacity, 0, 0, SlotStatus.OPEN, 1, 0L, null, List.of(), List.of(), now, now, openingHours);
        try {
            Outbox.insert(mongo, Slot.COLLECTION, slot, events.published(slot, now));
        }
        catch (DuplicateKeyException ex) {
            return null;
        }
        relay.publishPending(Slot.COLLECTION, slot.id());
        return slot;
    }

    /** When a slot starts, without its counts. */
    public record SlotStart(String excursionId, Instant start, String timeZone) {
    }

    /** What a schedule request did. */
    public record ScheduleResult(List<String> createdIds, int skipped) {
    }
}
