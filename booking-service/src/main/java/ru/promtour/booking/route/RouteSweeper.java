package ru.promtour.booking.route;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.promtour.booking.config.BookingProperties;

/**
 * Finishes or compensates route sagas a process left in flight (the crash between legs), after twice the orphan
 * grace (a leg's reserve gives its seats back itself after half of it), and settles held routes past their expiry.
 * One instance at a time (ShedLock); every step is repeatable.
 */
@Component
class RouteSweeper {

    private static final Logger log = LoggerFactory.getLogger(RouteSweeper.class);

    private final RouteBookings routes;
    private final BookingProperties properties;

    RouteSweeper(RouteBookings routes, BookingProperties properties) {
        this.routes = routes;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${booking.ledger.orphan-interval:10s}",
            initialDelayString = "${booking.ledger.orphan-interval:10s}")
    @SchedulerLock(name = "booking-route-sweeper")
    public void sweep() {
        int moved = routes.sweep(properties.ledger().orphanGrace().multipliedBy(2));
        if (moved > 0) {
            log.info("Route sweep finished, compensated or settled {} route booking(s)", moved);
        }
    }
}
