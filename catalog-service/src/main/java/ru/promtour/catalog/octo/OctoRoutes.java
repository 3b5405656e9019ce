package ru.promtour.catalog.octo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.octo.AvailabilityRequest.UnitQuantity;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteLeg;
import ru.promtour.catalog.route.RouteService;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.security.tenant.CurrentTenant;

/**
 * Routes as OCTO products for the calling operator: the admin's routes and its own, ACTIVE, while every leg's
 * program is on sale. A route's availability on a local date is a chain of one slot per leg: leg i's slot starts
 * inside its window [earliestLocalTime, latestLocalTime] of that date and no sooner than the previous leg's end
 * (its start + its duration) plus leg i's transfer, and takes the units asked for. Each slot is graded by
 * {@link OctoCatalog#grade} exactly as the leg's own product grades it.
 */
@Service
public class OctoRoutes {

    private final RouteService routes;
    private final ExcursionService excursions;
    private final EnterpriseService enterprises;
    private final SlotService slots;
    private final OctoCatalog catalog;
    private final CurrentTenant tenant;

    public OctoRoutes(RouteService routes, ExcursionService excursions, EnterpriseService enterprises,
                      SlotService slots, OctoCatalog catalog, CurrentTenant tenant) {
        this.routes = routes;
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.slots = slots;
        this.catalog = catalog;
        this.tenant = tenant;
    }

    /** The caller's route products; four queries whatever their number (routes, programs, enterprises, starts). */
    public List<RouteProduct> products() {
        List<Route> offered = routes.offeredTo(tenant.get().id());
        if (offered.isEmpty()) {
            return List.of();
        }
        Set<String> excursionIds = offered.stream().flatMap(r -> r.legs().stream()).map(RouteLeg::excursionId)
                .collect(Collectors.toSet());
        Map<String, Excursion> published = excursions.findPublished(excursionIds).stream()
                .collect(Collectors.toMap(Excursion::id, Function.identity()));
        Map<String, Enterprise> owners = enterprises.findAll(published.values().stream().map(Excursion::enterpriseId)
                .distinct().toList());
        Map<String, List<Instant>> starts = new HashMap<>();
        slots.startsFrom(offered.stream().map(r -> r.legs().get(0).excursionId()).distinct().toList(), Instant.now())
                .forEach(s -> starts.computeIfAbsent(s.excursionId(), id -> new ArrayList<>()).add(s.start()));
        List<RouteProduct> products = new ArrayList<>();
        for (Route route : offered) {
            product(route, published, owners, starts).ifPresent(products::add);
        }
        return products;
    }

    /**
     * The route product of this id; empty when no route has it (it may be a program's); INVALID_PRODUCT_ID for a
     * route the caller may not sell, a withdrawn one or one with a leg off sale.
     */
    public Optional<RouteProduct> product(String productId) {
        Route route = routes.find(productId);
        if (route == null) {
            return Optional.empty();
        }
        RouteProduct product = offered(route);
        List<Instant> starts = slots.startsFrom(List.of(route.legs().get(0).excursionId()), Instant.now()).stream()
                .map(SlotService.SlotStart::start).toList();
        return Optional.of(RouteProduct.of(route, product.legs(), startTimes(route, starts)));
    }

    /** Whether this product id names a route (so availability goes here, not to the program's). */
    public boolean isRoute(String productId) {
        return routes.find(productId) != null;
    }

    /** {@code POST /availability} for a route: one chain per local date that has one, or the chains asked for by id. */
    public Availabilities availability(AvailabilityRequest request) {
        RouteProduct product = offered(routes.find(request.productId()));
        OctoCatalog.Asked asked = catalog.checkAfterProduct(request, product.program());
        List<String> ids = request.availabilityIds();
        if (asked.from() != null && ids != null && !ids.isEmpty()) {
            throw OctoException.badRequest("give either localDate, localDateStart/localDateEnd or availabilityIds, not dates and ids together");
        }
        if (asked.from() != null) {
            Map<LocalDate, RouteAvailability> chains = chains(product, asked);
            return new Availabilities(product, asked.units(), List.copyOf(chains.values()));
        }
        if (ids == null || ids.isEmpty()) {
            throw OctoException.badRequest("either localDate, localDateStart/localDateEnd or availabilityIds is required");
        }
        return new Availabilities(product, asked.units(), byIds(product, new LinkedHashSet<>(ids), asked.units()));
    }

    /** {@code POST /availability/calendar} for a route: a date with a chain shows it, a date without one is CLOSED. */
    public Calendar calendar(AvailabilityRequest request) {
        RouteProduct product = offered(routes.find(request.productId()));
        OctoCatalog.Asked asked = catalog.checkAfterProduct(new AvailabilityRequest(request.productId(),
                request.optionId(), null, request.localDateStart(), request.localDateEnd(), null, request.units(),
                request.currency()), product.program());
        if (asked.from() == null) {
            throw OctoException.badRequest("localDateStart and localDateEnd are required");
        }
        Map<LocalDate, RouteAvailability> chains = chains(product, asked);
        List<DayAvailability> days = new ArrayList<>();
        for (LocalDate date = asked.from(); !date.isAfter(asked.to()); date = date.plusDays(1)) {
            RouteAvailability chain = chains.get(date);
            days.add(chain == null ? new DayAvailability(date, AvailabilityStatus.CLOSED, 0, 0, false, List.of())
                    : new DayAvailability(date, chain.status(), chain.vacancies(), chain.capacity(), chain.available(), List.of()));
        }
        return new Calendar(product, asked.units(), days);
    }

    /**
     * The earliest chain of each local date from..to that has one: one slot query per leg over the whole range.
     * <p>
     * Greedy is enough: per date, take for leg 1 the earliest slot in its window that takes the units, then for each
     * next leg the earliest such slot starting at or after the previous leg's end + its transfer. Every constraint on
     * leg i+1 is its fixed window plus a lower bound that grows with leg i's end, so the earliest choice for leg i
     * never rules out a slot a later choice would allow (exchange argument: in any feasible chain, replace legs
     * 1..i by the greedy ones, which end no later); hence greedy finds a chain whenever one exists, and the
     * earliest one.
     */
    private Map<LocalDate, RouteAvailability> chains(RouteProduct product, OctoCatalog.Asked asked) {
        ZoneId zone = ZoneId.of(product.route().timeZone());
        List<Map<LocalDate, List<SlotAvailability>>> perLeg = new ArrayList<>();
        for (int i = 0; i < product.legs().size(); i++) {
            OctoProduct leg = product.legs().get(i);
            RouteLeg window = product.window(i);
            List<Slot> found = slots.startingBetween(leg.id(), asked.from().atStartOfDay(zone).toInstant(),
                    asked.to().plusDays(1).atStartOfDay(zone).toInstant());
            perLeg.add(catalog.grade(found, leg.program(), asked.units()).stream()
                    .filter(a -> !a.slot().allDay() && inWindow(a, window))
                    .collect(Collectors.groupingBy(a -> a.localStart().toLocalDate())));
        }
        Map<LocalDate, RouteAvailability> chains = new TreeMap<>();
        for (LocalDate date = asked.from(); !date.isAfter(asked.to()); date = date.plusDays(1)) {
            Instant ready = null;
            List<SlotAvailability> chain = new ArrayList<>();
            for (int i = 0; i < perLeg.size(); i++) {
                Instant notBefore = ready == null ? null : ready.plus(Duration.ofMinutes(product.window(i).transferMinutes()));
                SlotAvailability next = perLeg.get(i).getOrDefault(date, List.of()).stream()
                        .filter(SlotAvailability::available)
                        .filter(a -> notBefore == null || !a.slot().start().isBefore(notBefore))
                        .findFirst().orElse(null);   // by start: the slot query sorts by it
                if (next == null) {
                    chain = null;
                    break;
                }
                chain.add(next);
                ready = next.localEnd().toInstant();
            }
            if (chain != null) {
                chains.put(date, RouteAvailability.of(chain));
            }
        }
        return chains;
    }

    /**
     * The chains named by these ids, each checked as a date's chain is (one slot of each leg's program, in its
     * window of one local date, after the previous leg's end + transfer) but graded as they are, full or not.
     * Any other id is INVALID_AVAILABILITY_ID. One slot query per leg (their number and form are checked before).
     */
    private List<RouteAvailability> byIds(RouteProduct product, Set<String> ids, List<UnitQuantity> units) {
        int legs = product.legs().size();
        List<List<String>> named = new ArrayList<>();
        for (String id : ids) {
            List<String> parts = RouteAvailability.slotIds(id);
            if (parts.size() != legs) {
                throw OctoException.invalidAvailability(id);
            }
            named.add(parts);
        }
        List<Map<String, SlotAvailability>> perLeg = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            final int leg = i;
            OctoProduct program = product.legs().get(i);
            List<Slot> found = slots.byIds(program.id(), named.stream().map(p -> p.get(leg)).collect(Collectors.toSet()));
            perLeg.add(catalog.grade(found, program.program(), units).stream()
                    .collect(Collectors.toMap(a -> a.slot().id(), Function.identity())));
        }
        List<RouteAvailability> result = new ArrayList<>();
        for (List<String> parts : named) {
            String id = String.join(RouteAvailability.SEPARATOR, parts);
            List<SlotAvailability> chain = new ArrayList<>();
            for (int i = 0; i < legs; i++) {
                SlotAvailability a = perLeg.get(i).get(parts.get(i));
                if (a == null || a.slot().allDay() || !inWindow(a, product.window(i))
                        || (i > 0 && !compatible(chain.get(i - 1), a, product.window(i)))) {
                    throw OctoException.invalidAvailability(id);
                }
                chain.add(a);
            }
            result.add(RouteAvailability.of(chain));
        }
        return result;
    }

    /** Same local date as the previous leg, starting no sooner than its end + this leg's transfer. */
    private static boolean compatible(SlotAvailability previous, SlotAvailability next, RouteLeg window) {
        return previous.localStart().toLocalDate().equals(next.localStart().toLocalDate())
                && !next.slot().start().isBefore(previous.localEnd().toInstant().plus(Duration.ofMinutes(window.transferMinutes())));
    }

    private static boolean inWindow(SlotAvailability a, RouteLeg window) {
        LocalTime start = a.localStart().toLocalTime();
        return !start.isBefore(window.earliest()) && !start.isAfter(window.latest());
    }

    /** The route as a product, or INVALID_PRODUCT_ID (unknown, withdrawn, another operator's, a leg off sale). */
    private RouteProduct offered(Route route) {
        if (route == null) {
            throw OctoException.invalidProduct(null);
        }
        Set<String> ids = route.legs().stream().map(RouteLeg::excursionId).collect(Collectors.toSet());
        Map<String, Excursion> published = excursions.findPublished(ids).stream()
                .collect(Collectors.toMap(Excursion::id, Function.identity()));
        Map<String, Enterprise> owners = enterprises.findAll(published.values().stream().map(Excursion::enterpriseId)
                .distinct().toList());
        return product(route, published, owners, Map.of()).orElseThrow(() -> OctoException.invalidProduct(route.id()));
    }

    private Optional<RouteProduct> product(Route route, Map<String, Excursion> published, Map<String, Enterprise> owners,
                                           Map<String, List<Instant>> starts) {
        if (!route.active() || !route.offeredTo(tenant.get().id())) {
            return Optional.empty();
        }
        List<OctoProduct> legs = new ArrayList<>();
        for (RouteLeg leg : route.legs()) {
            Excursion excursion = published.get(leg.excursionId());
            Enterprise enterprise = excursion == null ? null : owners.get(excursion.enterpriseId());
            if (enterprise == null || enterprise.status() == EnterpriseStatus.SUSPENDED
                    || excursion.program().openingHoursProduct()) {
                return Optional.empty();
            }
            legs.add(new OctoProduct(excursion, enterprise, List.of()));
        }
        RouteProduct product = RouteProduct.of(route, legs,
                startTimes(route, starts.getOrDefault(route.legs().get(0).excursionId(), List.of())));
        return product.program().units().isEmpty() ? Optional.empty() : Optional.of(product);
    }

    /** The first leg's distinct local start times inside its window; its earliest time when it has none yet. */
    private static List<LocalTime> startTimes(Route route, List<Instant> starts) {
        ZoneId zone = ZoneId.of(route.timeZone());
        RouteLeg first = route.legs().get(0);
        TreeSet<LocalTime> times = new TreeSet<>();
        starts.stream().map(s -> s.atZone(zone).toLocalTime())
                .filter(t -> !t.isBefore(first.earliest()) && !t.isAfter(first.latest())).forEach(times::add);
        return times.isEmpty() ? List.of(first.earliest()) : List.copyOf(times);
    }

    /** Chains for the request; {@code units} are the validated units asked about (possibly empty). */
    public record Availabilities(RouteProduct product, List<UnitQuantity> units, List<RouteAvailability> items) {
    }

    /** Days graded for the request. */
    public record Calendar(RouteProduct product, List<UnitQuantity> units, List<DayAvailability> days) {
    }
}
