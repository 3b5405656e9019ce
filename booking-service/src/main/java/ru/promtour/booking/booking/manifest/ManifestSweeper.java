package ru.promtour.booking.booking.manifest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Warns of incomplete visitor lists and removes old personal data; one instance at a time (ShedLock). */
@Component
class ManifestSweeper {

    private static final Logger log = LoggerFactory.getLogger(ManifestSweeper.class);
    private static final int BATCH = 500;

    private final Manifests manifests;

    ManifestSweeper(Manifests manifests) {
        this.manifests = manifests;
    }

    @Scheduled(fixedDelayString = "${booking.manifest.interval:1h}", initialDelayString = "${booking.manifest.interval:1h}")
    @SchedulerLock(name = "booking-manifest-sweeper")
    public void sweep() {
        int warned = manifests.warnIncomplete(BATCH);
        int scrubbed = manifests.removePersonalData(BATCH);
        if (warned + scrubbed > 0) {
            log.info("Manifests: {} incomplete list(s) reported, personal data removed from {} booking(s)", warned, scrubbed);
        }
    }
}
