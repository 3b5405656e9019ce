package ru.promtour.booking.allocation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases allocations whose date came. One instance at a time (ShedLock); each slot's release is still the
 * ledger's conditional write, so an overlap after a lock timeout, or a sweep repeated after a crash, gives
 * nothing back twice.
 */
@Component
class AllocationReleaseSweeper {

    private static final Logger log = LoggerFactory.getLogger(AllocationReleaseSweeper.class);

    private final Allocations allocations;

    AllocationReleaseSweeper(Allocations allocations) {
        this.allocations = allocations;
    }

    @Scheduled(fixedDelayString = "${booking.allocations.release-interval:10s}",
            initialDelayString = "${booking.allocations.release-interval:10s}")
    @SchedulerLock(name = "booking-allocation-release")
    public void sweep() {
        int released = allocations.releaseDue(100);
        if (released > 0) {
            log.info("Released {} allocation(s) at their release date", released);
        }
    }
}
