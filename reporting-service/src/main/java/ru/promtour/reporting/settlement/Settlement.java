package ru.promtour.reporting.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramFact;
import ru.promtour.reporting.projection.ProjectionStore;

/**
 * Statements: an open month is priced from the projection on every request (its bookings, plus adjustment lines for
 * closed months before it); a closed month is read from the lines frozen when it was closed ({@code statementLines}),
 * the same forever.
 */
@Service
public class Settlement {

    static final String LINES = "statementLines";
    /** A month has ended everywhere once its last day is over in the easternmost zone (Kamchatka, UTC+12). */
    static final ZoneOffset LAST_ZONE_TO_END = ZoneOffset.ofHours(12);

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final ProjectionStore projection;
    private final Agreements agreements;
    private final ClosedMonths closedMonths;
    private final MongoOperations mongo;
    private final SettlementProperties properties;
    private final Clock clock;

    public Settlement(ProjectionStore projection, Agreements agreements, ClosedMonths closedMonths,
                      MongoOperations mongo, SettlementProperties properties, Clock clock) {
        this.projection = projection;
        this.agreements = agreements;
        this.closedMonths = closedMonths;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(LINES).createIndex(new Index().on("month", Sort.Direction.ASC).named("month"));
        mongo.indexOps(LINES).createIndex(new Index().on("bookingId", Sort.Direction.ASC).named("bookingId"));
    }

    /** A party's statement of {@code month} ({@code yyyy-MM}). */
    public Statement statement(YearMonth month, Party party) {
        Map<String, ClosedMonths.ClosedMonth> closedByMonth = closedMonths.closed();
        ClosedMonths.ClosedMonth closed = closedByMonth.get(month.toString());
        List<StatementLine> lines = closed != null ? frozen(month, party) : live(month, party, closedByMonth);
        return assemble(month, party, closed, lines);
    }

    /** What a close did. */
    public record Closed(String month, Instant closedAt, String closedBy, int lines) {
    }

    /**
     * Freezes every party's lines of an ended month.
     *
     * @throws SettlementConflictException when the month has not ended everywhere yet, or is closed
     */
    public Closed close(YearMonth month, String closedBy) {
        Instant now = Instant.now(clock);
        Instant ended = month.plusMonths(1).atDay(1).atStartOfDay(LAST_ZONE_TO_END).toInstant();
        if (now.isBefore(ended)) {
            throw new SettlementConflictException("Month " + month + " has not ended everywhere yet (its last day ends "
                    + ended + ")");
        }
        String id = month.toString();
        // closedAt is taken before the lines are read: a booking that changes while they are written counts as changed
        if (!closedMonths.begin(new ClosedMonths.ClosedMonth(id, ClosedMonths.CLOSING, now, closedBy, 0))) {
            throw new SettlementConflictException("Month " + month + " is closed, or another close of it is at work (a "
                    + "close that failed half-way can be repeated " + ClosedMonths.LEASE.toMinutes() + " minutes after it began)");
        }
        List<StatementLine> lines = live(month, null, closedMonths.closed()).stream()
                .map(line -> line.frozenIn(id)).toList();
        // a retried close replaces what a failed one may have written
        mongo.remove(Query.query(Criteria.where("month").is(id)
                .and("_id").nin(lines.stream().map(StatementLine::id).toList())), LINES);
        lines.forEach(line -> mongo.save(line, LINES));
        closedMonths.finish(new ClosedMonths.ClosedMonth(id, ClosedMonths.CLOSED, now, closedBy, lines.size()));
        log.info("Closed month {}: {} lines frozen", id, lines.size());
        return new Closed(id, now, closedBy, lines.size());
    }

    /**
     * The month's lines from the projection; {@code party} null: every party's (a close).
     *
     * @param closed the closed months by month
     */
    List<StatementLine> live(YearMonth month, Party party, Map<String, ClosedMonths.ClosedMonth> closed) {
        Instant now = Instant.now(clock);
        ProjectionStore.Reader reader = projection.current();
        Map<String, ProgramFact> programs = reader.programs();
        List<Agreement> known = party == null ? agreements.find(null, null)
                : party.type() == Party.Type.OPERATOR ? agreements.find(party.id(), null)
                : agreements.find(null, party.id());
        int fee = properties.lateCancellationFeePercent();
        List<StatementLine> lines = new ArrayList<>();
        for (BookingFact booking : reader.bookings(ofParty(Criteria.where("visitMonth").is(month.toString())
                .and("status").in(BookingFact.CONFIRMED, BookingFact.CANCELLED), party))) {
            price(booking, programs, known, fee, now).ifPresent(lines::add);
        }
        // adjustments of the closed months right before this one: this is the first open month after each of them
        for (YearMonth k = month.minusMonths(1); closed.containsKey(k.toString()); k = k.minusMonths(1)) {
            ClosedMonths.ClosedMonth closedMonth = closed.get(k.toString());
            List<BookingFact> changed = reader.bookings(ofParty(Criteria.where("visitMonth").is(k.toString())
                    .and("receivedAt").gt(closedMonth.closedAt()), party));
            if (changed.isEmpty()) {
                continue;
            }
            Map<String, List<StatementLine>> frozen = mongo.find(Query.query(Criteria.where("bookingId")
                            .in(changed.stream().map(BookingFact::id).toList()).and("month").in(closed.keySet())),
                    StatementLine.class, LINES).stream().collect(Collectors.groupingBy(StatementLine::bookingId));
            for (BookingFact booking : changed) {
                StatementLine current = price(booking, programs, known, fee, now).orElse(null);
                List<StatementLine> before = frozen.getOrDefault(booking.id(), List.of());
                if (current == null && before.isEmpty()) {
                    continue;
                }
                StatementLine.adjustment(month.toString(), k.toString(), current, before).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private static Optional<StatementLine> price(BookingFact booking, Map<String, ProgramFact> programs,
                                                 List<Agreement> known, int fee, Instant now) {
        return StatementLine.of(booking, programs.get(booking.programId()),
                Agreements.inForce(known, booking).orElse(null), fee, now);
    }

    private List<StatementLine> frozen(YearMonth month, Party party) {
        return mongo.find(Query.query(Criteria.where("month").is(month.toString()).and(party.field()).is(party.id())),
                StatementLine.class, LINES);
    }

    private static Criteria ofParty(Criteria criteria, Party party) {
        return party == null ? criteria : criteria.and(party.field()).is(party.id());
    }

    private static Statement assemble(YearMonth month, Party party, ClosedMonths.ClosedMonth closed,
                                      List<StatementLine> lines) {
        boolean operator = party.type() == Party.Type.OPERATOR;
        Comparator<StatementLine> order = Comparator
                .comparing((StatementLine l) -> StatementLine.ADJUSTMENT.equals(l.kind()))
                .thenComparing(StatementLine::visitDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StatementLine::bookingId);
        Map<String, List<StatementLine>> byCounterparty = lines.stream().sorted(order).collect(Collectors.groupingBy(
                l -> Objects.requireNonNullElse(operator ? l.enterpriseId() : l.operatorId(), ""), LinkedHashMap::new,
                Collectors.toList()));
        List<Statement.Group> groups = new ArrayList<>();
        Statement.Totals totals = Statement.Totals.ZERO;
        String partyName = null;
        for (Map.Entry<String, List<StatementLine>> entry : byCounterparty.entrySet()) {
            List<StatementLine> groupLines = entry.getValue();
            StatementLine first = groupLines.get(0);
            Statement.Totals subtotal = Statement.Totals.ZERO;
            for (StatementLine line : groupLines) {
                subtotal = subtotal.plus(line);
            }
            totals = totals.plus(subtotal);
            partyName = partyName != null ? partyName : operator ? first.operatorName() : first.enterpriseName();
            groups.add(new Statement.Group(new Statement.Counterparty(party.counterpartyType(), entry.getKey(),
                    operator ? first.enterpriseName() : first.operatorName()), groupLines, subtotal));
        }
        groups.sort(Comparator.comparing((Statement.Group g) -> g.counterparty().name(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(g -> g.counterparty().id()));
        return new Statement(month.toString(), new Statement.Counterparty(party.type(), party.id(), partyName),
                closed != null ? Statement.CLOSED : Statement.OPEN, closed != null ? closed.closedAt() : null,
                Agreement.RUB, groups, totals);
    }
}
