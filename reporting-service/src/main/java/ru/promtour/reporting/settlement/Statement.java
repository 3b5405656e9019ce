package ru.promtour.reporting.settlement;

import java.time.Instant;
import java.util.List;

/**
 * A party's settlement for one month: its lines grouped by counterparty (an operator's statement per enterprise, "what
 * it owes each enterprise" = Σ net; an enterprise's per operator), with subtotals and totals, money in kopecks.
 *
 * @param status   {@code OPEN} (computed from the projection on every request) or {@code CLOSED} (the frozen lines)
 * @param closedAt when the month was closed, null while open
 */
public record Statement(String month, Counterparty party, String status, Instant closedAt, String currency,
                        List<Group> groups, Totals totals) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    /** A party or counterparty: its type, id and name (null when no line named it). */
    public record Counterparty(Party.Type type, String id, String name) {
    }

    /** The lines with one counterparty and their subtotal. */
    public record Group(Counterparty counterparty, List<StatementLine> lines, Totals subtotal) {
    }

    /**
     * @param bookings the lines other than adjustments (each is one booking)
     * @param units    Σ units, adjustments' differences included
     */
    public record Totals(int bookings, int units, long gross, long commission, long net) {

        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

        Totals plus(StatementLine line) {
            return new Totals(bookings + (StatementLine.ADJUSTMENT.equals(line.kind()) ? 0 : 1), units + line.units(),
                    gross + line.gross(), commission + line.commission(), net + line.net());
        }

        Totals plus(Totals other) {
            return new Totals(bookings + other.bookings, units + other.units, gross + other.gross,
                    commission + other.commission, net + other.net);
        }
    }
}
