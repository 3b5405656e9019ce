package ru.promtour.booking.booking.web;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.messaging.metrics.MetricsPoller;

import static org.assertj.core.api.Assertions.assertThat;

/** The reserve's outcome counter and the seat gauges, read from the service's own registry. */
class ReserveMetricsIT extends BookingIT {

    @Autowired
    MeterRegistry registry;
    @Autowired
    MetricsPoller poller;

    @Test
    void everyReserveIsCountedOnceByItsOutcome() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 2);
        double held = count("HELD");
        double soldOut = count("SOLD_OUT");
        double closed = count("CLOSED");
        double invalid = count("INVALID_AVAILABILITY_ID");

        Answer fits = reserve(CatalogData.reserve(uuid(), p, slotId, 2, 0, 0));
        assertThat(fits.text("status")).as(fits.toString()).isEqualTo("ON_HOLD");
        Answer full = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0));
        assertThat(full.text("errorMessage")).as(full.toString()).startsWith("SOLD_OUT");

        assertThat(count("HELD")).isEqualTo(held + 1);
        assertThat(count("SOLD_OUT")).isEqualTo(soldOut + 1);

        String closedSlot = slot(p, Duration.ofDays(11), 5);
        assertThat(catalog.answer(catalog.change(closedSlot, "CLOSE", null, "ремонт")).type())
                .isEqualTo("booking.SlotChangeApplied.v1");
        assertThat(reserve(CatalogData.reserve(uuid(), p, closedSlot, 1, 0, 0)).text("errorMessage")).startsWith("SLOT_CLOSED");
        assertThat(reserve(CatalogData.reserve(uuid(), p, "no-such-slot", 1, 0, 0)).text("error"))
                .isEqualTo("INVALID_AVAILABILITY_ID");

        assertThat(count("CLOSED")).isEqualTo(closed + 1);
        assertThat(count("INVALID_AVAILABILITY_ID")).isEqualTo(invalid + 1);
        // no id among the tags: the outcome, and the application every meter carries
        assertThat(registry.get("booking.reserve").counters()).allSatisfy(c -> {
            assertThat(c.getId().getTags()).extracting(t -> t.getKey()).containsExactlyInAnyOrder("application", "outcome");
            assertThat(c.getId().getTag("application")).isEqualTo("booking-service");
        });
    }

    @Test
    void seatGaugesSumTheHeldAndSoldSeatsOfTheLedgersToCome() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(12), 10);
        poller.refreshAll();
        double heldBefore = registry.get("seats.held").gauge().value();
        double soldBefore = registry.get("seats.sold").gauge().value();

        String uuid = uuid();
        assertThat(reserve(CatalogData.reserve(uuid, p, slotId, 3, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        reserve(CatalogData.reserve(uuid(), p, slotId, 2, 0, 0));
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT).text("status"))
                .isEqualTo("CONFIRMED");
        poller.refreshAll();

        // other tests' holds may expire meanwhile, never appear: at least this slot's change is seen
        assertThat(registry.get("seats.held").gauge().value()).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(heldBefore + 2);
        assertThat(registry.get("seats.sold").gauge().value()).isEqualTo(soldBefore + 3);
    }

    private double count(String outcome) {
        Counter counter = registry.find("booking.reserve").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
