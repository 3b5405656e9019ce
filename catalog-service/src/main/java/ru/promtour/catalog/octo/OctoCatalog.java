package ru.promtour.catalog.octo;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.octo.AvailabilityRequest.UnitQuantity;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantType;

/**
 * The catalog as operators see it through OCTO: every published program of an active enterprise is a
 * product with the one option {@value #OPTION_ID}; every slot of it is an availability whose id is the slot
 * id (the booking service maps a reserve's {@code availabilityId} straight to the slot). Reads only, through
 * the owning services' read methods, without ownership checks: the catalog is public to operators.
 */
@Service
@EnableConfigurationProperties(OctoProperties.class)
public class OctoCatalog {

    /** The only option of every product. */
    public static final String OPTION_ID = "DEFAULT";
    /** Most units one availability request may ask about (larger than any slot). */
    static final int MAX_REQUESTED_UNITS = 10_000;

    private final ExcursionService excursions;
    private final EnterpriseService enterprises;
    private final SlotService slots;
    private final OctoProperties properties;
    private final AvailabilityRules rules;
    private final Clock clock;
    private final CurrentTenant tenant;

    public OctoCatalog(ExcursionService excursions, EnterpriseService enterprises, SlotService slots,
                       OctoProperties properties, CurrentTenant tenant) {
        this.tenant = tenant;
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.slots = slots;
        this.properties = properties;
        this.rules = new AvailabilityRules(properties.limitedPercent(), properties.limitedSeats());
        this.clock = Clock.systemUTC();
    }

    /** Every product; three queries whatever the number of products (excursions, enterprises, upcoming starts). */
    public List<OctoProduct> products() {
        List<Excursion> published = excursions.published();
        Map<String, Enterprise> owners = enterprises.findAll(published.stream().map(Excursion::enterpriseId).distinct().toList());
        List<Excursion> offered = published.stream().filter(e -> active(owners.get(e.enterpriseId()))).toList();
        Map<String, List<LocalTime>> times = startTimes(offered.stream().map(Excursion::id).toList());
        return offered.stream()
                .map(e -> new OctoProduct(e, owners.get(e.enterpriseId()), times.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /** The product, or INVALID_PRODUCT_ID for a missing, unknown, unpublished or suspended one. */
    public OctoProduct product(String productId) {
        OctoProduct offered = offered(productId);
        return new OctoProduct(offered.excursion(), offered.enterprise(),
                startTimes(List.of(productId)).getOrDefault(productId, List.of()));
    }

    /** The product without its start times (availability needs none): two reads by id. */
    private OctoProduct offered(String productId) {
        Excursion excursion = productId == null || productId.isBlank() ? null : excursions.findPublished(productId);
        Enterprise owner = excursion == null ? null : enterprises.findAll(List.of(excursion.enterpriseId())).get(excursion.enterpriseId());
        if (!active(owner)) {
            throw OctoException.invalidProduct(productId);
        }
        return new OctoProduct(excursion, owner, List.of());
    }

    /** {@code POST /availability}: one entry per slot on the local dates asked for, or per id asked for. */
    public Availabilities availability(AvailabilityRequest request) {
        Checked checked = check(request);
        List<String> ids = request.availabilityIds();
        List<Slot> found;
        if (checked.from() != null && ids != null && !ids.isEmpty()) {
            // OCTO: one of localDate, localDateStart/localDateEnd or availabilityIds, never dates and ids together
            throw OctoException.badRequest("give either localDate, localDateStart/localDateEnd or availabilityIds, not dates and ids together");
        }
        if (checked.from() != null) {
            found = slotsOn(checked);
        }
        else if (ids != null && !ids.isEmpty()) {
            found = slots.byIds(checked.product().id(), new LinkedHashSet<>(ids));
        }
        else {
            throw OctoException.badRequest("either localDate, localDateStart/localDateEnd or availabilityIds is required");
        }
        return new Availabilities(checked.product(), checked.units(), grade(checked, found));
    }

    /** {@code POST /availability/calendar}: one entry per local date from localDateStart to localDateEnd. */
    public Calendar calendar(AvailabilityRequest request) {
        Checked checked = check(new AvailabilityRequest(request.productId(), request.optionId(), null,
                request.localDateStart(), request.localDateEnd(), null, request.units(), request.currency()));
        if (checked.from() == null) {
            throw OctoException.badRequest("localDateStart and localDateEnd are required");
        }
        ZoneId zone = checked.product().enterprise().zone();
        Map<LocalDate, List<SlotAvailability>> byDate = grade(checked, slotsOn(checked)).stream()
                .collect(Collectors.groupingBy(a -> a.slot().start().atZone(zone).toLocalDate()));
        List<DayAvailability> days = new ArrayList<>();
        for (LocalDate date = checked.from(); !date.isAfter(checked.to()); date = date.plusDays(1)) {
            days.add(AvailabilityRules.day(date, byDate.getOrDefault(date, List.of())));
        }
        return new Calendar(checked.product(), checked.units(), days);
    }

    /** The product's slots starting on the local dates from..to of the enterprise's zone (one indexed query). */
    private List<Slot> slotsOn(Checked checked) {
        ZoneId zone = checked.product().enterprise().zone();
        return slots.startingBetween(checked.product().id(), checked.from().atStartOfDay(zone).toInstant(),
                checked.to().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private List<SlotAvailability> grade(Checked checked, List<Slot> found) {
        return grade(found, checked.product().program(), checked.units());
    }

    /**
     * The one per-slot grading of OCTO (status, vacancies, whether the units fit): single products and every leg
     * of a route product go through here, so a rule of seats changes both alike. An operator sees each slot as
     * it may book it: free sale plus what is left of its own allocation there (ADR 0005).
     */
    List<SlotAvailability> grade(List<Slot> found, ExcursionProgram program, List<UnitQuantity> units) {
        int requested = units.stream().mapToInt(UnitQuantity::quantity).sum();
        Instant now = clock.instant();
        String operatorId = tenant.find().filter(t -> t.type() == TenantType.OPERATOR).map(Tenant::id).orElse(null);
        return found.stream().map(s -> rules.grade(operatorId == null ? s : s.asSeenBy(operatorId), program, requested, now))
                .toList();
    }

    /** Validates in the order OCTO reports: product, option, units, currency, dates. */
    private Checked check(AvailabilityRequest r) {
        OctoProduct product = offered(r.productId());
        Asked asked = checkAfterProduct(r, product.program());
        return new Checked(product, asked.units(), asked.from(), asked.to());
    }

    /** What {@link #check} validates after the product (of a program or a route's combined one): option, units, currency, dates. */
    Asked checkAfterProduct(AvailabilityRequest r, ExcursionProgram program) {
        if (!OPTION_ID.equals(r.optionId())) {
            throw OctoException.invalidOption(r.optionId());
        }
        List<UnitQuantity> units = units(program, r.units());
        if (r.currency() != null && !OctoPrices.CURRENCY.equals(r.currency())) {
            throw OctoException.badRequest("currency " + r.currency() + " is not available; prices are in " + OctoPrices.CURRENCY);
        }
        if (r.availabilityIds() != null) {
            if (r.availabilityIds().size() > properties.maxIds()) {
                throw OctoException.badRequest("at most " + properties.maxIds() + " availabilityIds per request");
            }
            if (r.availabilityIds().stream().anyMatch(id -> id == null || id.isBlank())) {
                throw OctoException.badRequest("availabilityIds must not contain empty ids");
            }
        }
        if (r.localDate() != null && (r.localDateStart() != null || r.localDateEnd() != null)) {
            throw OctoException.badRequest("give either localDate or localDateStart/localDateEnd, not both");
        }
        if ((r.localDateStart() == null) != (r.localDateEnd() == null)) {
            throw OctoException.badRequest("localDateStart and localDateEnd go together");
        }
        LocalDate from = r.localDate() != null ? date("localDate", r.localDate()) : date("localDateStart", r.localDateStart());
        LocalDate to = r.localDate() != null ? from : date("localDateEnd", r.localDateEnd());
        if (from != null) {
            if (to.isBefore(from)) {
                throw OctoException.badRequest("localDateEnd must not be before localDateStart");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxRangeDays()) {
                throw OctoException.badRequest("cannot request more than " + properties.maxRangeDays() + " days of availability");
            }
        }
        return new Asked(units, from, to);
    }

    /** Known unit ids with a quantity ≥ 0; an id given twice counts once with the sum. */
    private static List<UnitQuantity> units(ExcursionProgram program, List<UnitQuantity> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> known = program.units().stream().map(ExcursionProgram.Unit::id).collect(Collectors.toSet());
        Map<String, Integer> sums = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            UnitQuantity unit = given.get(i);
            if (unit == null) {
                throw OctoException.badRequest("units[" + i + "] must be an object {id, quantity}");
            }
            if (unit.id() == null || !known.contains(unit.id())) {
                throw OctoException.invalidUnit(unit.id());
            }
            if (unit.quantity() == null || unit.quantity() < 0 || unit.quantity() > MAX_REQUESTED_UNITS) {
                throw OctoException.badRequest("units[" + i + "].quantity must be a whole number from 0 to " + MAX_REQUESTED_UNITS);
            }
            sums.merge(unit.id(), unit.quantity(), Integer::sum);
        }
        int total = sums.values().stream().mapToInt(Integer::intValue).sum();
        if (total > MAX_REQUESTED_UNITS) {
            throw OctoException.badRequest("units ask for " + total + " people; at most " + MAX_REQUESTED_UNITS);
        }
        return sums.entrySet().stream().map(e -> new UnitQuantity(e.getKey(), e.getValue())).toList();
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeException ex) {
            throw OctoException.badRequest(field + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    /** Distinct local start times (in each slot's zone) of the upcoming slots of these excursions, ascending. */
    private Map<String, List<LocalTime>> startTimes(List<String> excursionIds) {
        if (excursionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, TreeSet<LocalTime>> times = new HashMap<>();
        for (SlotService.SlotStart start : slots.startsFrom(excursionIds, clock.instant())) {
            times.computeIfAbsent(start.excursionId(), id -> new TreeSet<>())
                    .add(start.start().atZone(ZoneId.of(start.timeZone())).toLocalTime());
        }
        return times.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    private static boolean active(Enterprise enterprise) {
        return enterprise != null && enterprise.status() != EnterpriseStatus.SUSPENDED;
    }

    private record Checked(OctoProduct product, List<UnitQuantity> units, LocalDate from, LocalDate to) {
    }

    /** A request's validated units and local dates (null dates: availabilityIds were asked for). */
    record Asked(List<UnitQuantity> units, LocalDate from, LocalDate to) {
    }

    /** Slots graded for the request; {@code units} are the validated units asked about (possibly empty). */
    public record Availabilities(OctoProduct product, List<UnitQuantity> units, List<SlotAvailability> items) {
    }

    /** Days graded for the request. */
    public record Calendar(OctoProduct product, List<UnitQuantity> units, List<DayAvailability> days) {
    }
}
