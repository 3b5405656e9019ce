package ru.promtour.catalog.octo.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgram.Documents;
import ru.promtour.catalog.excursion.ExcursionProgram.UnitType;
import ru.promtour.catalog.octo.DayAvailability;
import ru.promtour.catalog.octo.OctoCatalog;
import ru.promtour.catalog.octo.OctoPrices;
import ru.promtour.catalog.octo.OctoProduct;
import ru.promtour.catalog.octo.OctoProperties;
import ru.promtour.catalog.octo.RouteAvailability;
import ru.promtour.catalog.octo.RouteProduct;
import ru.promtour.catalog.octo.SlotAvailability;
import ru.promtour.catalog.octo.AvailabilityRequest.UnitQuantity;
import ru.promtour.catalog.route.RouteLeg;

/** Catalog views → OCTO shapes; {@code pricing} adds the {@code octo/pricing} fields. */
final class OctoMapper {

    /** OCTO local date-time: seconds and a numeric offset ({@code 2026-12-01T10:00:00+08:00}). */
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /**
     * What a confirm needs of the group leader: a name and an email. The phone is optional (without one the leader
     * gets no SMS), as the booking service accepts it.
     */
    private static final List<String> GROUP_CONTACT = List.of("firstName", "lastName", "emailAddress");
    private static final List<String> VISITOR_NAMES = List.of("firstName", "lastName");
    private static final Set<UnitType> GROWN_UPS = Set.of(UnitType.ADULT, UnitType.ACCOMPANYING_ADULT, UnitType.SENIOR);
    private static final int MAX_AGE = 120;
    private static final int ADULT_AGE = 18;

    private OctoMapper() {
    }

    static OctoJson.Supplier supplier(OctoProperties p) {
        OctoProperties.Contact c = p.contact();
        return new OctoJson.Supplier(p.supplierId(), p.supplierName(), p.endpoint(),
                new OctoJson.Contact(c.website(), c.email(), c.telephone(), c.address()));
    }

    static OctoJson.Product product(OctoProduct product, OctoProperties p, boolean pricing) {
        ExcursionProgram program = product.program();
        boolean instant = program.bookingMode() == ExcursionProgram.BookingMode.INSTANT;
        return new OctoJson.Product(product.id(), program.title(), product.enterprise().id(), "ru",
                product.enterprise().timeZone(), false, instant, instant, true, program.availabilityType().name(), p.deliveryFormats(),
                p.deliveryMethods(), p.redemptionMethod(), List.of(option(product, pricing)),
                pricing ? OctoPrices.CURRENCY : null, pricing ? List.of(OctoPrices.CURRENCY) : null,
                pricing ? "UNIT" : null, null);
    }

    /**
     * A route product: its combined program's option and units (each unit priced at the sum of the legs'), sold by
     * start time in the route's zone, with its legs listed; {@code reference} is the owning operator (null: the
     * admin's route).
     */
    static OctoJson.Product route(RouteProduct product, OctoProperties p, boolean pricing) {
        ExcursionProgram program = product.program();
        boolean instant = program.bookingMode() == ExcursionProgram.BookingMode.INSTANT;
        List<OctoJson.RouteLeg> legs = new ArrayList<>();
        for (int i = 0; i < product.legs().size(); i++) {
            RouteLeg window = product.window(i);
            OctoProduct leg = product.legs().get(i);
            legs.add(new OctoJson.RouteLeg(window.position(), leg.id(), leg.program().title(), leg.enterprise().id(),
                    window.earliestLocalTime(), window.latestLocalTime(), window.transferMinutes(),
                    leg.program().durationMinutes(), leg.program().meetingPoint()));
        }
        return new OctoJson.Product(product.id(), program.title(), product.route().ownerOperatorId(), "ru",
                product.route().timeZone(), false, instant, instant, true, "START_TIME", p.deliveryFormats(),
                p.deliveryMethods(), p.redemptionMethod(), List.of(option(program, product.startTimes(), pricing)),
                pricing ? OctoPrices.CURRENCY : null, pricing ? List.of(OctoPrices.CURRENCY) : null,
                pricing ? "UNIT" : null, legs);
    }

    private static OctoJson.Option option(OctoProduct product, boolean pricing) {
        return option(product.program(), product.startTimes(), pricing);
    }

    private static OctoJson.Option option(ExcursionProgram program, List<LocalTime> startTimes, boolean pricing) {
        // OCTO requires at least one start time; a product without upcoming slots answers no availability, so
        // the placeholder is never met in an availability
        List<String> times = OctoOpeningHours.startTimes(program, startTimes.isEmpty() ? List.of("00:00")
                : startTimes.stream().map(HH_MM::format).toList());
        int hours = program.cancellationCutoffHours();
        return new OctoJson.Option(OctoCatalog.OPTION_ID, true, program.title(), null, times,
                hours == 1 ? "1 hour" : hours + " hours", hours, "hour", GROUP_CONTACT,
                new OctoJson.OptionRestrictions(program.minUnits(), program.maxUnits()),
                program.units().stream().map(u -> unit(program, u, pricing)).toList(),
                pricing ? List.of(price(OctoPrices.from(program))) : null);
    }

    private static OctoJson.Unit unit(ExcursionProgram program, ExcursionProgram.Unit unit, boolean pricing) {
        Documents documents = program.rules() == null ? Documents.NONE : program.rules().documents();
        boolean idRequired = documents != null && documents != Documents.NONE;
        boolean manifest = idRequired || (program.rules() != null && program.rules().manifestLeadDays() > 0);
        int minAge = unit.minAge() != null ? unit.minAge()
                : GROWN_UPS.contains(unit.type()) ? Math.max(ADULT_AGE, program.minAge()) : program.minAge();
        int maxAge = unit.maxAge() != null ? unit.maxAge() : unit.type() == UnitType.CHILD ? ADULT_AGE - 1 : MAX_AGE;
        List<OctoJson.Pricing> prices = pricing ? List.of(price(unit.price())) : null;
        return new OctoJson.Unit(unit.id(), internalName(unit.type()), unit.type().name(), octoType(unit.type()),
                new OctoJson.UnitRestrictions(minAge, maxAge, idRequired, null, program.maxUnits(), 1,
                        accompaniedBy(program, unit)),
                manifest ? VISITOR_NAMES : List.of(), prices, prices);
    }

    /**
     * OCTO's UnitType has no accompanying adult; ADULT is what the person is (the age rules of an adult apply),
     * and {@code reference} keeps the platform's type so resellers can still tell the two apart.
     */
    static String octoType(UnitType type) {
        return switch (type) {
            case ADULT, ACCOMPANYING_ADULT -> "ADULT";
            case CHILD -> "CHILD";
            case STUDENT -> "STUDENT";
            case SENIOR -> "SENIOR";
        };
    }

    private static String internalName(UnitType type) {
        return switch (type) {
            case ADULT -> "Взрослый";
            case CHILD -> "Детский";
            case STUDENT -> "Студенческий";
            case SENIOR -> "Пенсионный";
            case ACCOMPANYING_ADULT -> "Сопровождающий взрослый";
        };
    }

    /** Children enter a factory floor only with an adult; an accompanying adult comes only with children. */
    private static List<String> accompaniedBy(ExcursionProgram program, ExcursionProgram.Unit unit) {
        return switch (unit.type()) {
            case CHILD -> idsOf(program, Set.of(UnitType.ADULT, UnitType.ACCOMPANYING_ADULT));
            case ACCOMPANYING_ADULT -> idsOf(program, Set.of(UnitType.CHILD));
            default -> List.of();
        };
    }

    private static List<String> idsOf(ExcursionProgram program, Set<UnitType> types) {
        return program.units().stream().filter(u -> types.contains(u.type())).map(ExcursionProgram.Unit::id).toList();
    }

    static OctoJson.Availability availability(SlotAvailability a, ExcursionProgram program, List<UnitQuantity> units,
                                              boolean pricing) {
        return new OctoJson.Availability(a.slot().id(), LOCAL.format(a.localStart()), LOCAL.format(a.localEnd()),
                a.utcCutoffAt().toString(), a.slot().allDay(), a.available(), a.status().name(), a.vacancies(),
                a.capacity(), a.maxUnits(), OctoOpeningHours.of(a.slot().openingHours()), pricing ? unitPricing(program) : null,
                pricing ? price(requestedOrFrom(program, units)) : null);
    }

    /** A route's chain: its id names the slot of every leg; no opening hours (start times only). */
    static OctoJson.Availability routeAvailability(RouteAvailability a, ExcursionProgram program,
                                                   List<UnitQuantity> units, boolean pricing) {
        return new OctoJson.Availability(a.id(), LOCAL.format(a.localStart()), LOCAL.format(a.localEnd()),
                a.utcCutoffAt().toString(), false, a.available(), a.status().name(), a.vacancies(), a.capacity(),
                a.maxUnits(), List.of(), pricing ? unitPricing(program) : null,
                pricing ? price(requestedOrFrom(program, units)) : null);
    }

    static OctoJson.CalendarDay day(DayAvailability d, ExcursionProgram program, List<UnitQuantity> units,
                                    boolean pricing) {
        return new OctoJson.CalendarDay(d.localDate().toString(), d.available(), d.status().name(), d.vacancies(),
                d.capacity(), OctoOpeningHours.of(d.openingHours()), pricing ? unitPricing(program) : null,
                pricing ? price(requestedOrFrom(program, units)) : null);
    }

    /** The price of the units asked for, or with none given the least one person pays. */
    private static long requestedOrFrom(ExcursionProgram program, List<UnitQuantity> units) {
        return units.isEmpty() ? OctoPrices.from(program) : OctoPrices.total(program, units);
    }

    private static List<OctoJson.PricingUnit> unitPricing(ExcursionProgram program) {
        return program.units().stream().map(u -> new OctoJson.PricingUnit(u.id(), u.price(), u.price(), u.price(),
                OctoPrices.CURRENCY, OctoPrices.PRECISION, List.of())).toList();
    }

    private static OctoJson.Pricing price(long kopecks) {
        return new OctoJson.Pricing(kopecks, kopecks, kopecks, OctoPrices.CURRENCY, OctoPrices.PRECISION, List.of());
    }
}
