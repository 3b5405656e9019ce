package ru.promtour.booking.booking.waitlist;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The waitlist's safety net, one instance at a time: offers the event path missed, ends entries past the cut-off. */
@Component
class WaitlistSweeper {

    private static final Logger log = LoggerFactory.getLogger(WaitlistSweeper.class);

    private final Waitlists waitlists;

    WaitlistSweeper(Waitlists waitlists) {
        this.waitlists = waitlists;
    }

    @Scheduled(fixedDelayString = "${booking.waitlist.interval:30s}", initialDelayString = "${booking.waitlist.interval:30s}")
    @SchedulerLock(name = "booking-waitlist-sweeper")
    public void sweep() {
        int offered = waitlists.sweep();
        if (offered > 0) {
            log.info("Waitlist sweep made {} offer(s)", offered);
        }
    }
}
