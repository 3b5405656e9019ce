package ru.promtour.booking.allocation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.booking.allocation.Allocation.Schedule;
import ru.promtour.booking.allocation.Allocation.SlotGrant;
import ru.promtour.booking.allocation.Allocation.Status;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.Grant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Grants, shows, withdraws and releases allocations. The ledger decides every seat (one conditional write per
 * slot); this service records the request and where it went, expands a schedule into the slots that match it
 * (those existing when it is created, and each one published later — {@link #slotOpened}), and releases at the
 * date. Who sees what: an enterprise its own allocations, an operator those given to it, the admin all; others get
 * 404 as if they did not exist.
 */
@Service
public class Allocations {

    private static final Logger log = LoggerFactory.getLogger(Allocations.class);
    /** The gateway's operator ids ({@code op-<uuid>}); also what makes one a safe field name in the ledger. */
    private static final Pattern OPERATOR_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final int MAX_UNITS = 10_000;
    private static final int MAX_SCHEDULE_DAYS = 366;

    private final MongoOperations mongo;
    private final SeatLedger seats;
    private final CatalogProjection catalog;
    private final Clock clock;

    public Allocations(MongoOperations mongo, SeatLedger seats, CatalogProjection catalog, Clock clock) {
        this.mongo = mongo;
        this.seats = seats;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Creates an allocation for the caller's slot or program (an enterprise, or the admin for any). */
    public Allocation create(Tenant caller, AllocationRequest r) {
        if (r == null) {
            throw AllocationRefusal.badRequest("A JSON body is required");
        }
        Instant now = clock.instant();
        if (r.operatorId() == null || !OPERATOR_ID.matcher(r.operatorId()).matches()) {
            throw AllocationRefusal.badRequest("operatorId is required: the operator's id (op-…), got " + shortened(r.operatorId()));
        }
        if (r.units() == null || r.units() < 1 || r.units() > MAX_UNITS) {
            throw AllocationRefusal.badRequest("units must be a whole number from 1 to " + MAX_UNITS + ", got " + r.units());
        }
        Instant releaseAt = releaseAt(r.releaseAt(), now);
        boolean bySlot = r.slotId() != null;
        if (bySlot == (r.excursionId() != null)) {
            throw AllocationRefusal.badRequest("Give either slotId, or excursionId with a schedule");
        }
        return bySlot ? forSlot(caller, r, releaseAt, now) : forSchedule(caller, r, releaseAt, now);
    }

    private Allocation forSlot(Tenant caller, AllocationRequest r, Instant releaseAt, Instant now) {
        if (r.schedule() != null) {
            throw AllocationRefusal.badRequest("A schedule goes with excursionId, not with slotId");
        }
        Ledger ledger = seats.find(r.slotId()).filter(l -> caller.canAccessEnterprise(l.enterpriseId()))
                .orElseThrow(() -> AllocationRefusal.notFound("Slot " + shortened(r.slotId())));
        String id = "alloc-" + UUID.randomUUID();
        Grant grant = seats.grant(ledger.slotId(), id, r.operatorId(), r.units(), releaseAt, now);
        switch (grant.result()) {
            case GRANTED, ALREADY -> { }
            case NOT_ENOUGH_FREE -> throw AllocationRefusal.conflict("Only " + grant.ledger().available()
                    + " seat(s) of slot " + ledger.slotId() + " are on free sale; " + r.units() + " asked");
            case OPERATOR_HAS_ALLOTMENT -> throw AllocationRefusal.conflict("Operator " + r.operatorId()
                    + " already has allocation " + grant.ledger().usableAllotment(r.operatorId()).map(Ledger.Allotment::id).orElse("?")
                    + " on slot " + ledger.slotId() + "; withdraw it first");
            case SLOT_CANCELLED -> throw AllocationRefusal.conflict("Slot " + ledger.slotId() + " is cancelled");
            case CUTOFF_PASSED -> throw AllocationRefusal.conflict("Bookings of slot " + ledger.slotId() + " are closed (cut-off passed)");
            case UNKNOWN_SLOT -> throw AllocationRefusal.notFound("Slot " + ledger.slotId());
        }
        Allocation a = new Allocation(id, ledger.enterpriseId(), r.operatorId(), ledger.excursionId(), ledger.slotId(), null,
                r.units(), releaseAt, Status.ACTIVE, now, null,
                List.of(new SlotGrant(ledger.slotId(), ledger.start(), "GRANTED", r.units(), null, null)));
        return mongo.insert(a);
    }

    private Allocation forSchedule(Tenant caller, AllocationRequest r, Instant releaseAt, Instant now) {
        ExcursionView excursion = catalog.excursion(r.excursionId()).filter(e -> caller.canAccessEnterprise(e.enterpriseId()))
                .orElseThrow(() -> AllocationRefusal.notFound("Excursion " + shortened(r.excursionId())));
        Schedule schedule = schedule(r.schedule());
        String id = "alloc-" + UUID.randomUUID();
        // stored first, then the existing slots: a slot published meanwhile is found by one or the other (slotOpened)
        Allocation a = mongo.insert(new Allocation(id, excursion.enterpriseId(), r.operatorId(), excursion.id(), null,
                schedule, r.units(), releaseAt, Status.ACTIVE, now, null, List.of()));
        LocalDate from = LocalDate.parse(schedule.from());
        LocalDate to = LocalDate.parse(schedule.to());
        // the widest instants those local dates can have (UTC-12..UTC+14); each ledger is then matched in its own zone
        Instant first = from.atStartOfDay().toInstant(ZoneOffset.ofHours(14));
        Instant last = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-12));
        for (Ledger ledger : seats.ofExcursion(excursion.id(), first, last)) {
            if (matches(schedule, ledger)) {
                grantOn(a, ledger, now);
            }
        }
        return mongo.findById(id, Allocation.class);
    }

    /** A slot was published (or its event redelivered): the ACTIVE schedule allocations of its program that match it. */
    public void slotOpened(String slotId) {
        Optional<Ledger> found = seats.find(slotId);
        if (found.isEmpty()) {
            return;
        }
        Ledger ledger = found.get();
        Instant now = clock.instant();
        for (Allocation a : mongo.find(query(where("excursionId").is(ledger.excursionId()).and("status").is(Status.ACTIVE)
                .and("schedule").ne(null)), Allocation.class)) {
            if (matches(a.schedule(), ledger) && a.releaseAt().isAfter(now)) {
                grantOn(a, ledger, now);
            }
        }
    }

    /** Grants the schedule's units on one slot, or as many as free sale has; records the outcome once per slot. */
    private void grantOn(Allocation a, Ledger ledger, Instant now) {
        SlotGrant outcome = null;
        for (int attempt = 0; attempt < 3 && outcome == null; attempt++) {
            // the caller's read first; again only after a grant lost a race for the free seats
            Ledger l = attempt == 0 ? ledger : seats.find(ledger.slotId()).orElse(ledger);
            int units = Math.min(a.units(), l.available());
            if (l.allotment(a.id()).isPresent()) {
                Ledger.Allotment mine = l.allotment(a.id()).get();
                outcome = new SlotGrant(l.slotId(), l.start(), "GRANTED", mine.units(), null, null);
            }
            else if (units < 1) {
                outcome = new SlotGrant(l.slotId(), l.start(), "REFUSED", 0, "NOT_ENOUGH_FREE", null);
            }
            else {
                Grant grant = seats.grant(l.slotId(), a.id(), a.operatorId(), units, a.releaseAt(), now);
                outcome = switch (grant.result()) {
                    case GRANTED, ALREADY -> new SlotGrant(l.slotId(), l.start(), "GRANTED", units, null, null);
                    case NOT_ENOUGH_FREE -> null; // taken meanwhile: again with what is left
                    default -> new SlotGrant(l.slotId(), l.start(), "REFUSED", 0, grant.result().name(), null);
                };
            }
        }
        if (outcome == null) {
            outcome = new SlotGrant(ledger.slotId(), ledger.start(), "REFUSED", 0, "NOT_ENOUGH_FREE", null);
        }
        mongo.updateFirst(query(where("_id").is(a.id()).and("slots.slotId").ne(ledger.slotId())),
                new Update().push("slots", outcome), Allocation.class);
    }

    /** The allocation as the caller may see it: an enterprise its own, an operator those given to it, the admin all. */
    public Allocation get(Tenant caller, String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, Allocation.class))
                .filter(a -> visible(caller, a))
                .orElseThrow(() -> AllocationRefusal.notFound("Allocation " + shortened(id)));
    }

    /** What each slot's ledger says of the allocation now: granted, used, left, released. */
    public List<SlotUse> use(Allocation a) {
        List<SlotUse> use = new ArrayList<>();
        for (SlotGrant g : a.slots()) {
            Optional<Ledger.Allotment> now = "REFUSED".equals(g.status()) ? Optional.empty()
                    : seats.find(g.slotId()).flatMap(l -> l.allotment(a.id()));
            use.add(new SlotUse(g, now.map(Ledger.Allotment::used).orElse(null), now.map(Ledger.Allotment::left).orElse(null),
                    now.map(Ledger.Allotment::released).orElse("RELEASED".equals(g.status()))));
        }
        return use;
    }

    /** A slot of an allocation with the ledger's figures (null for a refused slot or one no longer in the ledger). */
    public record SlotUse(SlotGrant grant, Integer used, Integer left, boolean released) {
    }

    public List<Allocation> list(Tenant caller, String status, String slotId, String operatorId) {
        Criteria c = new Criteria();
        if (caller.isAdmin()) {
            if (operatorId != null) {
                c.and("operatorId").is(operatorId);
            }
        }
        else if (caller.type() == TenantType.OPERATOR) {
            c.and("operatorId").is(caller.id());
        }
        else {
            c.and("enterpriseId").is(caller.id());
            if (operatorId != null) {
                c.and("operatorId").is(operatorId);
            }
        }
        if (status != null) {
            try {
                c.and("status").is(Status.valueOf(status.toUpperCase(Locale.ROOT)));
            }
            catch (IllegalArgumentException ex) {
                throw AllocationRefusal.badRequest("status must be one of ACTIVE, RELEASED, WITHDRAWN, got " + shortened(status));
            }
        }
        if (slotId != null) {
            c.and("slots.slotId").is(slotId);
        }
        return mongo.find(new Query(c).with(Sort.by("createdAt")).limit(500), Allocation.class);
    }

    /** The enterprise takes the allocation back before its date: its unbooked seats go back to free sale now. */
    public Allocation withdraw(Tenant caller, String id) {
        Allocation a = get(caller, id);
        if (!caller.canAccessEnterprise(a.enterpriseId())) {
            throw AllocationRefusal.notFound("Allocation " + shortened(id)); // an operator may see it, not take it back
        }
        if (a.status() != Status.ACTIVE) {
            throw AllocationRefusal.conflict("Allocation " + id + " is " + a.status() + " already");
        }
        release(a, Status.WITHDRAWN, "WITHDRAWN", clock.instant());
        return mongo.findById(id, Allocation.class);
    }

    /** Releases the ACTIVE allocations whose date came, at most {@code batch}; how many. */
    public int releaseDue(int batch) {
        Instant now = clock.instant();
        List<Allocation> due = mongo.find(query(where("status").is(Status.ACTIVE).and("releaseAt").lte(now))
                .with(Sort.by("releaseAt")).limit(batch), Allocation.class);
        due.forEach(a -> release(a, Status.RELEASED, "RELEASE_DATE", now));
        return due.size();
    }

    /**
     * Releases every granted slot (the ledger's write, once per slot however often this runs), then marks the
     * allocation; a crash in between leaves it ACTIVE and due, and the next sweep finishes it.
     */
    private void release(Allocation a, Status to, String cause, Instant now) {
        for (SlotGrant g : a.slots()) {
            if (!"GRANTED".equals(g.status())) {
                continue;
            }
            Optional<Ledger.Allotment> released = seats.releaseAllotment(g.slotId(), a.id(), cause, now);
            Integer returned = released.map(Ledger.Allotment::left)
                    .orElseGet(() -> seats.find(g.slotId()).flatMap(l -> l.allotment(a.id())).map(Ledger.Allotment::left).orElse(null));
            // a repeat (another sweep, a crash before the status) writes the same: returned is the released allotment's left
            mongo.updateFirst(query(where("_id").is(a.id()).and("slots.slotId").is(g.slotId())),
                    new Update().set("slots.$.status", "RELEASED").set("slots.$.returned", returned), Allocation.class);
        }
        mongo.updateFirst(query(where("_id").is(a.id()).and("status").is(Status.ACTIVE)),
                new Update().set("status", to).set("releasedAt", now), Allocation.class);
        log.info("Allocation {} of operator {} {} ({} slot(s))", a.id(), a.operatorId(), to, a.slots().size());
    }

    private static boolean visible(Tenant caller, Allocation a) {
        return caller.canAccessEnterprise(a.enterpriseId()) || caller.isOperator(a.operatorId());
    }

    private static Instant releaseAt(String text, Instant now) {
        if (text == null) {
            throw AllocationRefusal.badRequest("releaseAt is required: when the unbooked seats go back to free sale "
                    + "(ISO-8601 with an offset, e.g. 2026-10-01T09:00:00+03:00)");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw AllocationRefusal.badRequest("releaseAt must be ISO-8601 with an offset (e.g. 2026-10-01T09:00:00+03:00), got "
                    + shortened(text));
        }
        if (!at.isAfter(now)) {
            throw AllocationRefusal.badRequest("releaseAt must be in the future, got " + text);
        }
        if (at.isAfter(now.plus(Duration.ofDays(2 * MAX_SCHEDULE_DAYS)))) {
            throw AllocationRefusal.badRequest("releaseAt must be within two years, got " + text);
        }
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Schedule schedule(AllocationRequest.ScheduleRequest s) {
        if (s == null || s.from() == null || s.to() == null) {
            throw AllocationRefusal.badRequest("schedule with from and to (local dates, YYYY-MM-DD) is required with excursionId");
        }
        LocalDate from = date("schedule.from", s.from());
        LocalDate to = date("schedule.to", s.to());
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SCHEDULE_DAYS) {
            throw AllocationRefusal.badRequest("schedule.to must be on or after schedule.from and within " + MAX_SCHEDULE_DAYS
                    + " days of it");
        }
        List<String> weekdays = new ArrayList<>();
        for (String d : s.weekdays() == null ? List.<String>of() : s.weekdays()) {
            try {
                weekdays.add(DayOfWeek.valueOf(String.valueOf(d).toUpperCase(Locale.ROOT)).name());
            }
            catch (IllegalArgumentException ex) {
                throw AllocationRefusal.badRequest("schedule.weekdays: MONDAY..SUNDAY, got " + shortened(d));
            }
        }
        List<String> times = new ArrayList<>();
        for (String t : s.localTimes() == null ? List.<String>of() : s.localTimes()) {
            try {
                times.add(LocalTime.parse(String.valueOf(t)).truncatedTo(ChronoUnit.MINUTES).toString());
            }
            catch (DateTimeParseException ex) {
                throw AllocationRefusal.badRequest("schedule.localTimes: HH:mm, got " + shortened(t));
            }
        }
        return new Schedule(from.toString(), to.toString(), List.copyOf(weekdays), List.copyOf(times));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException ex) {
            throw AllocationRefusal.badRequest(field + " must be a date YYYY-MM-DD, got " + shortened(text));
        }
    }

    /** The slot's local date, weekday and start time (in its own zone) fit the schedule. */
    static boolean matches(Schedule s, Ledger ledger) {
        ZonedDateTime local;
        try {
            local = ledger.start().atZone(ZoneId.of(ledger.timeZone()));
        }
        catch (DateTimeException | NullPointerException ex) {
            return false;
        }
        LocalDate date = local.toLocalDate();
        return !date.isBefore(LocalDate.parse(s.from())) && !date.isAfter(LocalDate.parse(s.to()))
                && (s.weekdays().isEmpty() || s.weekdays().contains(date.getDayOfWeek().name()))
                && (s.localTimes().isEmpty() || s.localTimes().contains(local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString()));
    }

    private static String shortened(String s) {
        return s == null ? "nothing" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
