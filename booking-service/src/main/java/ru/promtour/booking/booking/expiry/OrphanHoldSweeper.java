package ru.promtour.booking.booking.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.OrphanCandidate;

/**
 * Releases holds whose booking was never written: reserve writes the ledger first and the booking second, and a
 * process that dies in between leaves seats held for nobody. Every sweep looks at holds taken between
 * {@code grace + 3 × interval} and {@code grace} ago (each hold is looked at about three times, never while its
 * reserve may still be writing the booking), and the first sweep after a start looks at every hold older than the
 * grace, which covers the time the service was down. One instance sweeps at a time (ShedLock).
 * <p>
 * A hold is an orphan too when its booking is stored on another slot: a move (PATCH of the availability) holds on
 * the new slot first and writes the booking second, so a process that dies in between leaves the new slot's hold
 * for a booking still on the old one; and one that dies after the booking's write but before the old slot's
 * release leaves the old hold behind (its {@code BookingUpdated} repairs that too, see {@code LedgerRepairListener}).
 * A booking owns seats only on the slot its document names, so either is released.
 */
@Component
public class OrphanHoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(OrphanHoldSweeper.class);

    private final SeatLedger ledger;
    private final BookingStore store;
    private final BookingChanges changes;
    private final BookingProperties properties;
    private final AtomicBoolean started = new AtomicBoolean();

    OrphanHoldSweeper(SeatLedger ledger, BookingStore store, BookingChanges changes, BookingProperties properties) {
        this.ledger = ledger;
        this.store = store;
        this.changes = changes;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${booking.ledger.orphan-interval:10s}",
            initialDelayString = "${booking.ledger.orphan-interval:10s}")
    @SchedulerLock(name = "booking-orphan-hold-sweeper")
    public void sweep() {
        int released = releaseOrphans();
        if (released > 0) {
            log.warn("Released {} orphan hold(s): seats held for bookings that were never stored", released);
        }
    }

    /** One sweep; returns how many holds it released. */
    public int releaseOrphans() {
        Instant now = changes.now();
        Duration grace = properties.ledger().orphanGrace();
        Instant to = now.minus(grace);
        Instant from = started.getAndSet(true) ? to.minus(properties.ledger().orphanInterval().multipliedBy(3))
                : Instant.EPOCH;
        List<OrphanCandidate> candidates = ledger.holdsTakenBetween(from, to);
        if (candidates.isEmpty()) {
            return 0;
        }
        Map<String, String> stored = store.slotsOf(candidates.stream().map(OrphanCandidate::bookingId).toList());
        int released = 0;
        for (OrphanCandidate c : candidates) {
            boolean orphan = !stored.containsKey(c.bookingId()) || !c.slotId().equals(stored.get(c.bookingId()));
            if (orphan && ledger.release(c.slotId(), c.bookingId(), "ORPHANED", now)) {
                released++;
            }
        }
        return released;
    }
}
