package ru.promtour.booking.booking.expiry;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.promtour.booking.config.BookingProperties;

/**
 * Expires holds that ran out. One instance at a time sweeps (ShedLock on Mongo); each expiry is still a
 * conditional write, so an overlap after a lock timeout expires nothing twice.
 */
@Component
class ExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);

    private final HoldExpiry bookings;
    private final BookingProperties properties;

    ExpirySweeper(HoldExpiry bookings, BookingProperties properties) {
        this.bookings = bookings;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${booking.expiry.interval:5s}", initialDelayString = "${booking.expiry.interval:5s}")
    @SchedulerLock(name = "booking-expiry-sweeper")
    public void sweep() {
        int expired = bookings.expireDue(properties.expiry().batchSize());
        if (expired > 0) {
            log.info("Expired {} hold(s)", expired);
        }
    }
}
