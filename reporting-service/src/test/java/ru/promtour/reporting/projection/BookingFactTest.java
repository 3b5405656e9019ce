package ru.promtour.reporting.projection;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure fold of a booking's events: idempotent by event id, newest event wins, older ones only fill gaps. */
class BookingFactTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant START = Instant.parse("2026-10-14T07:00:00Z");

    private static BookingEvent event(String slotId, int units, String cancelledBy, Instant cancelledAt) {
        BookingEvent.Visit visit = new BookingEvent.Visit("PT-1", "R-1", "exc-1", new BookingEvent.Title("Зефир", null),
                new BookingEvent.Enterprise("ent-1", "Фабрика", "Europe/Moscow"), START, "2026-10-14T10:00:00+03:00",
                "Europe/Moscow", 24, List.of(new BookingEvent.UnitQuantity("child", "CHILD", units)), units,
                new BookingEvent.Operator("op-1", "Оператор"), Instant.parse("2026-09-01T00:00:00Z"));
        return new BookingEvent("b-1", slotId, "exc-1", "op-1", units, null, Instant.parse("2026-09-01T00:05:00Z"),
                null, null, null, cancelledAt, null, null, null, cancelledBy, null, null, null, null, null, visit, null);
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        BookingFact once = BookingFact.apply(null, "e-1", "booking.BookingConfirmed.v1", NOW, event("s-1", 20, null, null), NOW);
        BookingFact twice = BookingFact.apply(once, "e-1", "booking.BookingConfirmed.v1", NOW, event("s-1", 20, null, null), NOW);
        assertThat(twice).isSameAs(once);
        assertThat(once.revision()).isEqualTo(1);
        assertThat(once.visitDate()).isEqualTo("2026-10-14");
        assertThat(once.schoolGroup()).isTrue();
        assertThat(once.visited(NOW)).isTrue();
    }

    @Test
    void anOlderEventArrivingLateFillsGapsButDoesNotOverride() {
        Instant confirmedTime = Instant.parse("2026-09-01T00:05:00Z");
        Instant cancelTime = Instant.parse("2026-10-14T06:00:00Z");
        // a moved booking: its cancellation (new slot's partition) is read before its confirmation (old slot's)
        BookingFact cancelled = BookingFact.apply(null, "e-2", "booking.BookingCancelled.v1", cancelTime,
                event("s-2", 20, "OPERATOR", cancelTime), NOW);
        BookingFact both = BookingFact.apply(cancelled, "e-1", "booking.BookingConfirmed.v1", confirmedTime,
                event("s-1", 25, null, null), NOW);
        assertThat(both.status()).isEqualTo("CANCELLED");
        assertThat(both.slotId()).isEqualTo("s-2");
        assertThat(both.units()).isEqualTo(20);
        assertThat(both.confirmedAt()).isEqualTo(confirmedTime);
        // cancelled 1 h before the start, inside the 24 h window, after it was confirmed: the operator pays
        assertThat(both.lateCancellation()).isTrue();
    }

    @Test
    void aCancellationBeforeTheWindowOrByTheSupplierIsNotLate() {
        BookingFact confirmed = BookingFact.apply(null, "e-1", "booking.BookingConfirmed.v1", NOW.minusSeconds(9_000_000),
                event("s-1", 20, null, null), NOW);
        Instant early = START.minusSeconds(25 * 3600);
        assertThat(BookingFact.apply(confirmed, "e-2", "booking.BookingCancelled.v1", early,
                event("s-1", 20, "OPERATOR", early), NOW).lateCancellation()).isFalse();
        Instant late = START.minusSeconds(3600);
        assertThat(BookingFact.apply(confirmed, "e-3", "booking.BookingCancelled.v1", late,
                event("s-1", 20, "SUPPLIER", late), NOW).lateCancellation()).isFalse();
    }
}
