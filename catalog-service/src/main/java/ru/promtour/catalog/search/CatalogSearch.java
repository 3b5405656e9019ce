package ru.promtour.catalog.search;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionStatus;
import ru.promtour.catalog.shared.InvalidInputException;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.security.tenant.NotFoundForTenantException;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The public catalog: PUBLISHED excursions of ACTIVE enterprises that have a slot someone can still book.
 * Read-only; every query is served by an index created in {@code MongoIndexes}.
 * <p>
 * Three queries, narrowing in turn: enterprises (status, region, industry), their published excursions
 * (language, age, text), then the OPEN slots of those excursions in the date window with enough free
 * seats. Dates are local dates of each excursion's own zone, so the slot query reads a UTC window wide enough
 * for every zone and the exact checks run on the rows it returns: the local date, and the seat ledger's
 * bookability rule ({@link ru.promtour.seats.Bookability}: open, before the slot's cut-off, the seats fit).
 * Paging happens after the slot check because "has a bookable slot" decides membership.
 */
@Service
public class CatalogSearch {

    /** Upcoming slots shown per search result. */
    public static final int NEXT_SLOTS = 5;
    /** Days of availability the detail page shows. */
    public static final int DETAIL_DAYS = 30;
    /** Default width of the date window when only dateFrom (or nothing) is given. */
    static final int DEFAULT_DAYS = 30;
    /** "Today" for the default date window: the platform's reference zone. */
    static final ZoneId REFERENCE_ZONE = ZoneId.of("Europe/Moscow");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final MongoOperations mongo;
    private final CatalogProperties properties;
    private final Clock clock;

    public CatalogSearch(MongoOperations mongo, CatalogProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One page of matching excursions, ordered by their next bookable slot. */
    public Page search(SearchCriteria c) {
        Window window = window(c.dateFrom(), c.dateTo());
        Map<String, Enterprise> enterprises = activeEnterprises(c.region(), c.industry());
        if (enterprises.isEmpty()) {
            return new Page(List.of(), c.page(), c.size(), 0);
        }
        String text = c.q() == null || c.q().isBlank() ? null : c.q().strip();
        List<Excursion> candidates = publishedExcursions(enterprises, c.language(), c.age(), text);
        if (candidates.isEmpty()) {
            return new Page(List.of(), c.page(), c.size(), 0);
        }
        Instant now = clock.instant();
        Map<String, Excursion> byId = candidates.stream()
                .collect(Collectors.toMap(Excursion::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<Slot>> bookable = new LinkedHashMap<>();
        for (Slot slot : openSlots(byId.keySet(), window, now, c.minFreeSeats())) {
            Excursion excursion = byId.get(slot.excursionId());
            if (bookable(slot, excursion, c.minFreeSeats(), now) && window.contains(slot)) {
                List<Slot> list = bookable.computeIfAbsent(slot.excursionId(), id -> new ArrayList<>());
                if (list.size() < NEXT_SLOTS) {
                    list.add(slot);
                }
            }
        }
        // the slot rows come sorted by start, so insertion order is "soonest first"; ties broken by id
        List<Match> all = bookable.entrySet().stream()
                .map(e -> {
                    Excursion excursion = byId.get(e.getKey());
                    return new Match(excursion, enterprises.get(excursion.enterpriseId()), List.copyOf(e.getValue()));
                })
                .sorted(Comparator.comparing((Match m) -> m.nextSlots().get(0).start()).thenComparing(m -> m.excursion().id()))
                .toList();
        long from = Math.min((long) c.page() * c.size(), all.size());
        long to = Math.min(from + c.size(), all.size());
        return new Page(all.subList((int) from, (int) to), c.page(), c.size(), all.size());
    }

    /**
     * A published excursion of an active enterprise with its slots of the next {@value #DETAIL_DAYS} days
     * (open or closed, not cancelled); 404 for anything else, unknown ids alike.
     */
    public Detail detail(String id) {
        Excursion excursion = mongo.findOne(withoutOutbox(new Query(where("_id").is(id).and("status").is(ExcursionStatus.PUBLISHED))),
                Excursion.class, Excursion.COLLECTION);
        Enterprise enterprise = excursion == null ? null : mongo.findOne(withoutOutbox(new Query(where("_id")
                .is(excursion.enterpriseId()).and("status").is(EnterpriseStatus.ACTIVE))), Enterprise.class, Enterprise.COLLECTION);
        if (enterprise == null) {
            throw new NotFoundForTenantException();
        }
        Instant now = clock.instant();
        ZoneId zone = enterprise.zone();
        Instant until = LocalDate.now(clock.withZone(zone)).plusDays(DETAIL_DAYS + 1L).atStartOfDay(zone).toInstant();
        Query query = slotFields(new Query(where("excursionId").is(id)
                .and("status").in(SlotStatus.OPEN.name(), SlotStatus.CLOSED.name())
                .and("start").gt(now).lt(until))).with(Sort.by("start"));
        List<Availability> slots = mongo.find(query, Slot.class, Slot.COLLECTION).stream()
                .map(s -> new Availability(s, status(s, excursion, now))).toList();
        return new Detail(excursion, enterprise, slots);
    }

    /**
     * AVAILABLE, SOLD_OUT, or CLOSED (closed or cancelled, or its booking cut-off has passed): what a reserve of one
     * seat would meet.
     */
    static PublicStatus status(Slot slot, Excursion excursion, Instant now) {
        return slot.refusal(excursion.program(), 1, now)
                .map(refusal -> refusal.anySize() ? PublicStatus.CLOSED : PublicStatus.SOLD_OUT)
                .orElse(PublicStatus.AVAILABLE);
    }

    private Window window(LocalDate fromOrNull, LocalDate toOrNull) {
        if (fromOrNull != null && (fromOrNull.isBefore(EARLIEST) || fromOrNull.isAfter(LATEST))) {
            throw new InvalidInputException("dateFrom", "must be between " + EARLIEST + " and " + LATEST);
        }
        if (toOrNull != null && (toOrNull.isBefore(EARLIEST) || toOrNull.isAfter(LATEST))) {
            throw new InvalidInputException("dateTo", "must be between " + EARLIEST + " and " + LATEST);
        }
        LocalDate from = fromOrNull != null ? fromOrNull : LocalDate.now(clock.withZone(REFERENCE_ZONE));
        LocalDate to = toOrNull != null ? toOrNull : from.plusDays(DEFAULT_DAYS);
        if (to.isBefore(from)) {
            throw new InvalidInputException("dateTo", "must not be before dateFrom (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > properties.listMaxDays()) {
            throw new InvalidInputException("dateTo", "the date range covers at most " + properties.listMaxDays() + " days");
        }
        return new Window(from, to);
    }

    private Map<String, Enterprise> activeEnterprises(String region, String industry) {
        Criteria criteria = where("status").is(EnterpriseStatus.ACTIVE);
        if (region != null) {
            criteria.and("region").is(region);
        }
        if (industry != null) {
            criteria.and("industry").is(industry);
        }
        return mongo.find(withoutOutbox(new Query(criteria)), Enterprise.class, Enterprise.COLLECTION).stream()
                .collect(Collectors.toMap(Enterprise::id, Function.identity()));
    }

    /**
     * Published programs of those enterprises. The text is matched case-insensitively as a literal (regex
     * metacharacters escaped) on the excursion, and in Java on the enterprise's name and city, which are
     * already loaded.
     */
    private List<Excursion> publishedExcursions(Map<String, Enterprise> enterprises, String language, Integer age,
                                                String text) {
        List<Criteria> and = new ArrayList<>();
        and.add(where("status").is(ExcursionStatus.PUBLISHED).and("enterpriseId").in(enterprises.keySet()));
        if (language != null) {
            and.add(where("program.languages").is(language));
        }
        if (age != null) {
            // the program admits the age, and so does at least one unit (a unit without bounds admits any)
            and.add(where("program.minAge").lte(age));
            and.add(where("program.units").elemMatch(new Criteria().andOperator(
                    new Criteria().orOperator(where("minAge").isNull(), where("minAge").lte(age)),
                    new Criteria().orOperator(where("maxAge").isNull(), where("maxAge").gte(age)))));
        }
        if (text != null) {
            String needle = text.toLowerCase(Locale.ROOT);
            Set<String> byEnterprise = enterprises.values().stream()
                    .filter(e -> contains(e.name(), needle) || contains(e.city(), needle))
                    .map(Enterprise::id).collect(Collectors.toSet());
            String regex = literal(text);
            and.add(new Criteria().orOperator(
                    where("program.title").regex(regex, "i"),
                    where("program.titleEn").regex(regex, "i"),
                    where("program.description").regex(regex, "i"),
                    where("program.descriptionEn").regex(regex, "i"),
                    where("enterpriseId").in(byEnterprise)));
        }
        return mongo.find(withoutOutbox(new Query(new Criteria().andOperator(and))), Excursion.class, Excursion.COLLECTION);
    }

    /**
     * OPEN slots of the candidates with at least {@code minFree} seats left, in a UTC window that covers
     * the local date window in every zone (UTC-12 … UTC+14) and starts no earlier than now; sorted by start.
     * The store narrows by the index; {@link #bookable} then applies the whole rule to each row.
     */
    private List<Slot> openSlots(Set<String> excursionIds, Window window, Instant now, int minFree) {
        Instant lower = window.from().atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
        Instant upper = window.to().plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
        if (!upper.isAfter(now)) {
            return List.of();
        }
        Query query = new BasicQuery(new Document("excursionId", new Document("$in", List.copyOf(excursionIds)))
                .append("status", SlotStatus.OPEN.name())
                .append("start", new Document("$gt", Date.from(lower.isAfter(now) ? lower : now))
                        .append("$lt", Date.from(upper)))
                .append("$expr", new Document("$gte", List.of(
                        new Document("$subtract", List.of("$capacity", new Document("$add", List.of("$held", "$confirmed")))),
                        minFree))));
        return mongo.find(slotFields(query).with(Sort.by("start", "_id")), Slot.class, Slot.COLLECTION);
    }

    /** Whether a reserve of {@code seats} would be taken (the search's free-seat minimum, at least 1). */
    private static boolean bookable(Slot slot, Excursion excursion, int seats, Instant now) {
        return excursion != null && slot.refusal(excursion.program(), seats, now).isEmpty();
    }

    /** Only what a public listing needs: never the holds (booking ids) nor the outbox. */
    private static Query slotFields(Query query) {
        // allotted: seats kept for operators' allocations are not on sale to the public either
        query.fields().include("excursionId", "enterpriseId", "start", "timeZone", "cutoffAt", "capacity", "held",
                "confirmed", "allotted", "status", "version", "openingHours");
        return query;
    }

    private static Query withoutOutbox(Query query) {
        query.fields().exclude(Outbox.FIELD);
        return query;
    }

    private static boolean contains(String value, String lowerNeedle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** The text as a regex that matches it literally, on MongoDB's PCRE and on Java's engine alike. */
    static String literal(String text) {
        StringBuilder regex = new StringBuilder(text.length() + 8);
        for (char ch : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(ch) >= 0) {
                regex.append('\\');
            }
            regex.append(ch);
        }
        return regex.toString();
    }

    /** Lowest price of the program's units, leaving out free accompanying adults when others exist. */
    public static long priceFrom(ExcursionProgram program) {
        List<ExcursionProgram.Unit> units = program.units() == null ? List.of() : program.units();
        return units.stream().filter(u -> u.type() != ExcursionProgram.UnitType.ACCOMPANYING_ADULT)
                .mapToLong(ExcursionProgram.Unit::price).min()
                .orElse(units.stream().mapToLong(ExcursionProgram.Unit::price).min().orElse(0));
    }

    /** Local dates from..to (inclusive), each slot judged in its own zone. */
    private record Window(LocalDate from, LocalDate to) {
        boolean contains(Slot slot) {
            LocalDate local = slot.localStart().toLocalDate();
            return !local.isBefore(from) && !local.isAfter(to);
        }
    }

    /** How a slot looks to the public. */
    public enum PublicStatus { AVAILABLE, SOLD_OUT, CLOSED }

    /** One search result: the excursion, its enterprise and up to {@value #NEXT_SLOTS} bookable slots. */
    public record Match(Excursion excursion, Enterprise enterprise, List<Slot> nextSlots) {
    }

    /** A page of results; {@code total} counts all matches. */
    public record Page(List<Match> items, int page, int size, long total) {
    }

    /** A slot of the detail page with its public status. */
    public record Availability(Slot slot, PublicStatus status) {
    }

    /** The public program with its upcoming availability. */
    public record Detail(Excursion excursion, Enterprise enterprise, List<Availability> availability) {
    }
}
