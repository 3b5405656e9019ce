package ru.promtour.reporting.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import ru.promtour.reporting.analytics.Reports.CancellationsRow;
import ru.promtour.reporting.analytics.Reports.FillRateRow;
import ru.promtour.reporting.analytics.Reports.LeadTimeRow;
import ru.promtour.reporting.analytics.Reports.Report;
import ru.promtour.reporting.analytics.Reports.TopProgramRow;
import ru.promtour.reporting.analytics.Reports.VisitorsRow;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProjectionStore;
import ru.promtour.reporting.projection.SlotFact;

/**
 * The tourist-flow figures, counted from the projection's facts at query time: every booking and slot of the period
 * is read once and falls into exactly one group, so the groups of any dimension add up to the total (the sum over a
 * region's enterprises is the region's figure). A period is at most {@value #MAX_DAYS} days.
 */
@Service
public class Analytics {

    public static final int MAX_DAYS = 731;

    private static final DateTimeFormatter SLOT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ProjectionStore store;
    private final Clock clock;

    public Analytics(ProjectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Report<VisitorsRow> visitors(Filter filter, Dimension groupBy) {
        Period period = period(filter);
        Instant now = Instant.now(clock);
        Map<Dimension.Group, List<BookingFact>> groups = period.group(groupBy, period.confirmed());
        List<VisitorsRow> rows = groups.entrySet().stream()
                .map(e -> visitorsRow(e.getKey(), e.getValue(), now)).toList();
        return report("visitors", filter, groupBy, rows,
                visitorsRow(new Dimension.Group(Reports.TOTAL, "Итого"), period.confirmed(), now));
    }

    private static VisitorsRow visitorsRow(Dimension.Group g, List<BookingFact> bookings, Instant now) {
        long units = 0;
        long visitors = 0;
        long expected = 0;
        long children = 0;
        long school = 0;
        long noShows = 0;
        for (BookingFact b : bookings) {
            units += b.units();
            children += b.children();
            school += b.schoolGroup() ? 1 : 0;
            if (b.noShow() != null) {
                noShows++;
            }
            else if (b.visited(now)) {
                visitors += b.units();
            }
            else {
                expected += b.units();
            }
        }
        return new VisitorsRow(g.key(), g.label(), bookings.size(), units, visitors, expected, children,
                units - children, school, noShows);
    }

    public Report<FillRateRow> fillRate(Filter filter, Dimension groupBy) {
        Period period = period(filter);
        Map<Dimension.Group, List<SlotFact>> groups = new TreeMap<>(Comparator.comparing(Dimension.Group::key));
        for (SlotFact slot : period.slots()) {
            groups.computeIfAbsent(period.group(groupBy, slot), k -> new ArrayList<>()).add(slot);
        }
        List<FillRateRow> rows = groups.entrySet().stream()
                .map(e -> fillRow(e.getKey(), e.getValue(), period.sold())).toList();
        return report("fill-rate", filter, groupBy, rows,
                fillRow(new Dimension.Group(Reports.TOTAL, "Итого"), period.slots(), period.sold()));
    }

    private static FillRateRow fillRow(Dimension.Group g, List<SlotFact> slots, Map<String, Long> sold) {
        long capacity = slots.stream().mapToLong(SlotFact::capacity).sum();
        long seats = slots.stream().mapToLong(s -> sold.getOrDefault(s.id(), 0L)).sum();
        return new FillRateRow(g.key(), g.label(), slots.size(), capacity, seats, ratio(seats, capacity));
    }

    public Report<LeadTimeRow> leadTime(Filter filter, Dimension groupBy) {
        Period period = period(filter);
        List<BookingFact> timed = period.confirmed().stream()
                .filter(b -> b.bookedAt() != null && b.visitStart() != null).toList();
        List<LeadTimeRow> rows = period.group(groupBy, timed).entrySet().stream()
                .map(e -> leadRow(e.getKey(), e.getValue())).toList();
        return report("lead-time", filter, groupBy, rows, leadRow(new Dimension.Group(Reports.TOTAL, "Итого"), timed));
    }

    private static LeadTimeRow leadRow(Dimension.Group g, List<BookingFact> bookings) {
        double[] days = bookings.stream()
                .mapToDouble(b -> Math.max(0, Duration.between(b.bookedAt(), b.visitStart()).toMinutes()) / 1440.0)
                .sorted().toArray();
        Map<String, Long> buckets = new LinkedHashMap<>();
        buckets.put("0-7", 0L);
        buckets.put("8-30", 0L);
        buckets.put("31-90", 0L);
        buckets.put("91+", 0L);
        double sum = 0;
        for (double d : days) {
            sum += d;
            String bucket = d <= 7 ? "0-7" : d <= 30 ? "8-30" : d <= 90 ? "31-90" : "91+";
            buckets.merge(bucket, 1L, Long::sum);
        }
        return new LeadTimeRow(g.key(), g.label(), days.length, round1(days.length == 0 ? 0 : sum / days.length),
                round1(percentile(days, 50)), round1(percentile(days, 90)), buckets);
    }

    /** Nearest-rank percentile of sorted values (0 for none). */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public Report<CancellationsRow> cancellations(Filter filter, Dimension groupBy) {
        Period period = period(filter);
        List<BookingFact> lost = period.bookings().stream()
                .filter(b -> !b.confirmed() || b.noShow() != null)
                .filter(b -> b.status() != null && !"PENDING".equals(b.status()) && !"OFFERED".equals(b.status()))
                .toList();
        Map<Dimension.Group, List<BookingFact>> groups = groupBy == Dimension.CAUSE
                ? lost.stream().collect(Collectors.groupingBy(Analytics::cause,
                        () -> new TreeMap<>(Comparator.comparing(Dimension.Group::key)), Collectors.toList()))
                : period.group(groupBy, lost);
        List<CancellationsRow> rows = groups.entrySet().stream()
                .map(e -> cancellationsRow(e.getKey(), e.getValue())).toList();
        return report("cancellations", filter, groupBy, rows,
                cancellationsRow(new Dimension.Group(Reports.TOTAL, "Итого"), lost));
    }

    /** Why a booking was lost, as a group of {@code groupBy=cause}. */
    static Dimension.Group cause(BookingFact b) {
        if (b.noShow() != null) {
            String cause = b.noShow().cause() == null ? "OTHER" : b.noShow().cause();
            return new Dimension.Group("NO_SHOW_" + cause, "Неявка: " + cause);
        }
        return switch (b.status()) {
            case "CANCELLED" -> BookingFact.OPERATOR.equals(b.cancelledBy())
                    ? b.lateCancellation()
                            ? new Dimension.Group("OPERATOR_LATE", "Поздняя отмена оператором")
                            : new Dimension.Group("OPERATOR", "Отмена оператором")
                    : new Dimension.Group("SUPPLIER", "Отмена предприятием");
            case "DECLINED" -> new Dimension.Group("DECLINED", "Заявка отклонена");
            case "EXPIRED" -> new Dimension.Group("EXPIRED", "Бронь истекла");
            default -> new Dimension.Group(b.status(), b.status());
        };
    }

    private static CancellationsRow cancellationsRow(Dimension.Group g, List<BookingFact> bookings) {
        long units = 0;
        long byOperator = 0;
        long late = 0;
        long bySupplier = 0;
        long declined = 0;
        long expired = 0;
        long noShows = 0;
        Map<String, Long> causes = new TreeMap<>();
        for (BookingFact b : bookings) {
            units += b.units();
            if (b.noShow() != null) {
                noShows++;
                causes.merge(b.noShow().cause() == null ? "OTHER" : b.noShow().cause(), 1L, Long::sum);
                continue;
            }
            switch (b.status()) {
                case "CANCELLED" -> {
                    if (BookingFact.OPERATOR.equals(b.cancelledBy())) {
                        byOperator++;
                        late += b.lateCancellation() ? 1 : 0;
                    }
                    else {
                        bySupplier++;
                    }
                }
                case "DECLINED" -> declined++;
                case "EXPIRED" -> expired++;
                default -> {
                    // PENDING and OFFERED are filtered out before
                }
            }
        }
        return new CancellationsRow(g.key(), g.label(), bookings.size(), units, byOperator, late, bySupplier,
                declined, expired, noShows, causes);
    }

    public Report<TopProgramRow> topPrograms(Filter filter, int limit) {
        Period period = period(filter);
        Instant now = Instant.now(clock);
        Map<Dimension.Group, List<BookingFact>> byProgram = period.group(Dimension.PROGRAM, period.confirmed());
        Map<String, List<SlotFact>> slotsByProgram = period.slots().stream()
                .collect(Collectors.groupingBy(s -> String.valueOf(s.programId())));
        List<TopProgramRow> ranked = new ArrayList<>();
        byProgram.forEach((group, bookings) -> {
            VisitorsRow v = visitorsRow(group, bookings, now);
            FillRateRow f = fillRow(group, slotsByProgram.getOrDefault(group.key(), List.of()), period.sold());
            Dimensions.Program p = period.dimensions().of(bookings.get(0));
            ranked.add(new TopProgramRow(0, p.id(), p.title(), p.enterpriseId(), p.enterpriseName(), p.region(),
                    p.industry(), v.bookings(), v.visitors(), v.expectedVisitors(), f.capacity(), f.sold(), f.fillRate()));
        });
        ranked.sort(Comparator.comparingLong((TopProgramRow r) -> r.visitors() + r.expectedVisitors()).reversed()
                .thenComparing(TopProgramRow::programId));
        List<TopProgramRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            TopProgramRow r = ranked.get(i);
            rows.add(new TopProgramRow(i + 1, r.programId(), r.title(), r.enterpriseId(), r.enterpriseName(),
                    r.region(), r.industry(), r.bookings(), r.visitors(), r.expectedVisitors(), r.capacity(), r.sold(),
                    r.fillRate()));
        }
        return report("top-programs", filter, Dimension.PROGRAM, rows, null);
    }

    private static <R> Report<R> report(String name, Filter f, Dimension groupBy, List<R> rows, R total) {
        return new Report<>(name, f.from(), f.to(), groupBy.apiName(), f.region(), f.industry(), f.enterpriseId(),
                rows, total);
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The facts of one period, read once per report. */
    private Period period(Filter filter) {
        ProjectionStore.Reader reader = store.current();
        Dimensions dimensions = new Dimensions(reader.programs());
        Criteria dates = Criteria.where("visitDate").gte(filter.from().toString()).lte(filter.to().toString());
        if (filter.enterpriseId() != null) {
            dates = dates.and("enterpriseId").is(filter.enterpriseId());
        }
        List<BookingFact> bookings = reader.bookings(dates).stream().filter(b -> {
            Dimensions.Program p = dimensions.of(b);
            return filter.matches(p.region(), p.industry(), p.enterpriseId());
        }).toList();
        Criteria slotDates = Criteria.where("localDate").gte(filter.from().toString()).lte(filter.to().toString());
        if (filter.enterpriseId() != null) {
            slotDates = slotDates.and("enterpriseId").is(filter.enterpriseId());
        }
        List<SlotFact> slots = reader.slots(slotDates).stream().filter(s -> !s.cancelled() && s.capacity() > 0)
                .filter(s -> {
                    Dimensions.Program p = dimensions.of(s.programId(), null, s.enterpriseId(), null);
                    return filter.matches(p.region(), p.industry(), p.enterpriseId());
                }).toList();
        List<BookingFact> confirmed = bookings.stream().filter(BookingFact::confirmed).toList();
        Map<String, Long> sold = new HashMap<>();
        confirmed.forEach(b -> sold.merge(String.valueOf(b.slotId()), (long) b.units(), Long::sum));
        return new Period(bookings, confirmed, sold, slots, dimensions);
    }

    /**
     * The facts of one period, read and derived once per report.
     *
     * @param confirmed the confirmed bookings among {@code bookings}
     * @param sold      units sold per slot id: the confirmed bookings' units
     */
    private record Period(List<BookingFact> bookings, List<BookingFact> confirmed, Map<String, Long> sold,
                          List<SlotFact> slots, Dimensions dimensions) {

        Map<Dimension.Group, List<BookingFact>> group(Dimension groupBy, List<BookingFact> facts) {
            Map<Dimension.Group, List<BookingFact>> groups = new TreeMap<>(Comparator.comparing(Dimension.Group::key));
            Map<String, Dimension.Group> byKey = new HashMap<>();
            for (BookingFact b : facts) {
                Dimension.Group found = groupBy.of(dimensions.of(b), b.visitDate(), b.slotId(),
                        slotLabel(b.programTitle(), b.visitStart(), b.timeZone()));
                // one label per key (facts of a renamed program may carry another title)
                Dimension.Group g = byKey.computeIfAbsent(found.key(), k -> found);
                groups.computeIfAbsent(g, k -> new ArrayList<>()).add(b);
            }
            return groups;
        }

        Dimension.Group group(Dimension groupBy, SlotFact s) {
            Dimensions.Program p = dimensions.of(s.programId(), null, s.enterpriseId(), null);
            return groupBy.of(p, s.localDate(), s.id(), slotLabel(p.title(), s.start(), s.timeZone()));
        }

        private static String slotLabel(String title, Instant start, String zone) {
            if (start == null) {
                return title;
            }
            String local = start.atZone(zone == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(zone)).format(SLOT_TIME);
            return title == null ? local : title + ", " + local;
        }
    }
}
