package ru.promtour.catalog.route;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.route.messaging.RouteEvents;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.FieldProblem;
import ru.promtour.catalog.shared.Ids;
import ru.promtour.catalog.shared.InvalidInputException;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.NotFoundForTenantException;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Defines, changes and withdraws routes. Who sees what: the admin every route, an operator its own and the
 * admin's, an enterprise those visiting one of its programs; another's route answers 404 like an unknown one.
 * Only the owner and the admin change a route (a visible route of another: 403). Every write is one document
 * write carrying {@code RouteSaved}/{@code RouteWithdrawn} in its outbox, then relayed.
 */
@Service
public class RouteService {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final MongoOperations mongo;
    private final CurrentTenant tenant;
    private final ExcursionService excursions;
    private final EnterpriseService enterprises;
    private final RouteEvents events;
    private final OutboxRelay relay;

    public RouteService(MongoOperations mongo, CurrentTenant tenant, ExcursionService excursions,
                        EnterpriseService enterprises, RouteEvents events, OutboxRelay relay) {
        this.mongo = mongo;
        this.tenant = tenant;
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.events = events;
        this.relay = relay;
    }

    /** A new ACTIVE route, owned by the calling operator or, for the admin, by the operator it names (or none). */
    public Route create(RoutePlan plan) {
        Tenant caller = changer();
        List<FieldProblem> problems = new ArrayList<>();
        String owner = owner(caller, plan.ownerOperatorId(), null, problems);
        Legs legs = legs(plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = now();
        Route route = new Route(Ids.next("route"), plan.title(), plan.region(), owner, RouteStatus.ACTIVE,
                legs.timeZone(), 1, legs.legs(), now, now);
        // the route and its event in one insert: the converter's document plus the outbox array
        Document document = new Document();
        mongo.getConverter().write(route, document);
        document.put(Outbox.FIELD, Outbox.documents(List.of(events.saved(route, now))));
        mongo.insert(document, Route.COLLECTION);
        relay.publishPending(Route.COLLECTION, route.id());
        return route;
    }

    /** The route if the caller may see it; 404 for an unknown one and for another's alike. */
    public Route get(String id) {
        Route route = find(id);
        if (route == null || !visible(route, tenant.get())) {
            throw new NotFoundForTenantException();
        }
        return route;
    }

    /** Read side without a tenant check (OCTO filters by operator itself): the route, or null. */
    public Route find(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        Query query = query(where("_id").is(id));
        query.fields().exclude(Outbox.FIELD);
        return mongo.findOne(query, Route.class, Route.COLLECTION);
    }

    /** Read side for OCTO: the ACTIVE routes this operator may sell (the admin's and its own), by id. */
    public List<Route> offeredTo(String operatorId) {
        Query query = query(where("status").is(RouteStatus.ACTIVE)
                .orOperator(where("ownerOperatorId").is(null), where("ownerOperatorId").is(operatorId)));
        query.fields().exclude(Outbox.FIELD);
        return mongo.find(query.with(Sort.by("_id")), Route.class, Route.COLLECTION);
    }

    /** One page of the routes the caller sees, newest first; {@code region} filters when given. */
    public Page list(String region, int page, int size) {
        Tenant caller = tenant.get();
        List<Criteria> criteria = new ArrayList<>();
        if (caller.type() == TenantType.OPERATOR) {
            criteria.add(new Criteria().orOperator(where("ownerOperatorId").is(null), where("ownerOperatorId").is(caller.id())));
        }
        else if (caller.type() == TenantType.ENTERPRISE) {
            criteria.add(where("legs.enterpriseId").is(caller.id()));
        }
        if (region != null) {
            criteria.add(where("region").is(region));
        }
        Query query = criteria.isEmpty() ? new Query() : query(new Criteria().andOperator(criteria));
        query.fields().exclude(Outbox.FIELD);
        long total = mongo.count(query, Route.class, Route.COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Route.class, Route.COLLECTION), page, size, total);
    }

    /** Replaces title, region and legs (and, for the admin, the owner when it names one) → RouteSaved. */
    public Route update(String id, RoutePlan plan) {
        Route current = changeable(id);
        if (!current.active()) {
            throw new ConflictException("A withdrawn route stays withdrawn; create a new route instead");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String owner = owner(tenant.get(), plan.ownerOperatorId(), current.ownerOperatorId(), problems);
        Legs legs = legs(plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = now();
        Route after = new Route(current.id(), plan.title(), plan.region(), owner, current.status(), legs.timeZone(),
                current.version() + 1, legs.legs(), current.createdAt(), now);
        Document legsDocument = new Document();
        mongo.getConverter().write(after, legsDocument);
        Update update = new Update().set("title", after.title()).set("region", after.region())
                .set("ownerOperatorId", after.ownerOperatorId()).set("timeZone", after.timeZone())
                .set("legs", legsDocument.get("legs"));
        write(current, after, update, events.saved(after, now));
        return after;
    }

    /** Takes the route off sale (status WITHDRAWN) → RouteWithdrawn; withdrawing it again changes nothing. */
    public Route withdraw(String id) {
        Route current = changeable(id);
        if (!current.active()) {
            return current;
        }
        Instant now = now();
        Route after = new Route(current.id(), current.title(), current.region(), current.ownerOperatorId(),
                RouteStatus.WITHDRAWN, current.timeZone(), current.version() + 1, current.legs(), current.createdAt(), now);
        write(current, after, new Update().set("status", after.status()), events.withdrawn(after, now));
        return after;
    }

    /** Conditional on the version read, so the event describes exactly the stored route; a lost race is a 409. */
    private void write(Route current, Route after, Update update, OutboxEvent event) {
        update.set("version", after.version()).set("updatedAt", after.updatedAt());
        Outbox.append(update, event);
        long modified = mongo.updateFirst(query(where("_id").is(current.id()).and("version").is(current.version())),
                update, Route.class, Route.COLLECTION).getModifiedCount();
        if (modified != 1) {
            throw new ConflictException("The route was changed concurrently; read it again and retry");
        }
        relay.publishPending(Route.COLLECTION, current.id());
    }

    /** The route if the caller may change it: 404 when it cannot even see it, 403 when it sees but does not own it. */
    private Route changeable(String id) {
        Route route = get(id);
        Tenant caller = changer();
        if (!caller.isAdmin() && !caller.isOperator(route.ownerOperatorId())) {
            throw new AccessDeniedException("Only the route's owner and the admin change it");
        }
        return route;
    }

    /** Routes are changed by operators and the admin (the path rules say so too). */
    private Tenant changer() {
        Tenant caller = tenant.get();
        if (!caller.isAdmin() && caller.type() != TenantType.OPERATOR) {
            throw new AccessDeniedException("Routes are defined by operators and the admin");
        }
        return caller;
    }

    /** To the millisecond, as the store keeps it: the 201's route equals what a GET reads back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean visible(Route route, Tenant caller) {
        return switch (caller.type()) {
            case ADMIN -> true;
            case OPERATOR -> route.offeredTo(caller.id());
            case ENTERPRISE -> route.legs().stream().anyMatch(l -> caller.id().equals(l.enterpriseId()));
        };
    }

    /** The owner after this write: an operator owns what it writes; the admin names one, or keeps {@code current}. */
    private static String owner(Tenant caller, String requested, String current, List<FieldProblem> problems) {
        if (caller.isAdmin()) {
            return requested != null ? requested : current;
        }
        if (requested != null && !requested.equals(caller.id())) {
            problems.add(new FieldProblem("ownerOperatorId", "an operator defines routes for itself only"));
        }
        return caller.id();
    }

    /**
     * The legs as the catalog knows their programs, or the problems that make them none: each program published,
     * sold by start times, of an active enterprise in the route's region, all in one zone, none twice, windows in
     * order and reachable one after the other.
     */
    private Legs legs(RoutePlan plan, List<FieldProblem> problems) {
        List<RoutePlan.LegPlan> asked = plan.legs();
        List<RouteLeg> legs = new ArrayList<>();
        List<ExcursionProgram> programs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String zone = null;
        boolean complete = true;
        for (int i = 0; i < asked.size(); i++) {
            RoutePlan.LegPlan leg = asked.get(i);
            String field = "legs[" + i + "]";
            int transfer = leg.transferMinutes() == null ? 0 : leg.transferMinutes();
            if (i == 0 && transfer != 0) {
                problems.add(new FieldProblem(field + ".transferMinutes", "the first leg has no transfer before it: 0 or absent"));
            }
            if (leg.latestLocalTime().isBefore(leg.earliestLocalTime())) {
                problems.add(new FieldProblem(field + ".latestLocalTime", "must not be before earliestLocalTime"));
            }
            Integer before = seen.putIfAbsent(leg.excursionId(), i);
            if (before != null) {
                problems.add(new FieldProblem(field + ".excursionId", "the program is already leg " + (before + 1)
                        + " of this route; a group visits a program once"));
                complete = false;
                continue;
            }
            Excursion excursion = excursions.findPublished(leg.excursionId());
            Enterprise enterprise = excursion == null ? null : enterprises.findAll(List.of(excursion.enterpriseId()))
                    .get(excursion.enterpriseId());
            if (excursion == null || enterprise == null || enterprise.status() == EnterpriseStatus.SUSPENDED) {
                problems.add(new FieldProblem(field + ".excursionId", "is not a published program that is on sale"));
                complete = false;
                continue;
            }
            ExcursionProgram program = excursion.program();
            if (program.openingHoursProduct()) {
                problems.add(new FieldProblem(field + ".excursionId",
                        "is sold by opening hours; a route's legs need programs with start times"));
                complete = false;
            }
            if (!Objects.equals(enterprise.region(), plan.region())) {
                problems.add(new FieldProblem(field + ".excursionId", "its enterprise is in region "
                        + enterprise.region() + ", not in " + plan.region()));
            }
            if (zone == null) {
                zone = enterprise.timeZone();
            }
            else if (!zone.equals(enterprise.timeZone())) {
                problems.add(new FieldProblem(field + ".excursionId", "its enterprise's time zone " + enterprise.timeZone()
                        + " differs from " + zone + " of the first leg; a route's legs share one zone"));
            }
            programs.add(program);
            legs.add(new RouteLeg(i + 1, excursion.id(), enterprise.id(), enterprise.name(), enterprise.address(),
                    program.title(), HH_MM.format(leg.earliestLocalTime()), HH_MM.format(leg.latestLocalTime()), transfer,
                    program.durationMinutes(), program.meetingPoint(), program.minAge(), program.bookingMode().name(),
                    program.rules()));
        }
        if (complete && problems.isEmpty()) {
            reachable(legs, problems);
            if (RouteUnits.common(programs).isEmpty()) {
                problems.add(new FieldProblem("legs", "the programs share no unit (the same id and type) a group could book"));
            }
        }
        return new Legs(legs, zone);
    }

    /**
     * Each window must be reachable: the earliest start of leg i is the later of its own earliest time and the
     * earliest end of leg i-1 plus the transfer; past its latest time (or past midnight) no date ever fits.
     */
    private static void reachable(List<RouteLeg> legs, List<FieldProblem> problems) {
        int start = minutes(legs.get(0).earliest());
        for (int i = 1; i < legs.size(); i++) {
            RouteLeg leg = legs.get(i);
            int previousEnd = start + legs.get(i - 1).durationMinutes();
            start = Math.max(minutes(leg.earliest()), previousEnd + leg.transferMinutes());
            if (start > minutes(leg.latest()) || start >= MINUTES_PER_DAY) {
                problems.add(new FieldProblem("legs[" + i + "].latestLocalTime", "cannot be reached: leg " + i
                        + " ends at " + clock(previousEnd) + " at the earliest, and the transfer takes "
                        + leg.transferMinutes() + " min"));
                return;
            }
        }
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static String clock(int minutes) {
        return minutes >= MINUTES_PER_DAY ? "midnight or later" : HH_MM.format(LocalTime.of(minutes / 60, minutes % 60));
    }

    private record Legs(List<RouteLeg> legs, String timeZone) {
    }

    /** A page of routes. */
    public record Page(List<Route> items, int page, int size, long total) {
    }
}
