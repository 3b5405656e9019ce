package ru.promtour.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.promtour.notification.booking.BookingView;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Intent;
import ru.promtour.notification.message.MessageQueue;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.template.Template;

/**
 * Reminders: the day before the visit at 10:00 enterprise-local (group leader, email and SMS: PPE,
 * documents, meeting point) and, for secure sites, before the manifest deadline while visitor data is
 * missing (operator, email). Only CONFIRMED bookings: a cancelled, declined or expired one has left that
 * status in the projection.
 * <p>
 * Exactly once per booking: the sweep runs on one instance at a time (ShedLock on Mongo), and each
 * reminder's messages carry the synthetic event id {@code reminder-<kind>:<bookingId>}, so even a sweep
 * that dies between queueing and marking the booking done only re-queues keys that already exist.
 */
@Component
public class Reminders {

    public static final String LOCK = "notification-reminders";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final Bookings bookings;
    private final MessageQueue queue;
    private final Notifications notifications;
    private final NotificationProperties.Reminders settings;
    private final Clock clock;

    public Reminders(Bookings bookings, MessageQueue queue, Notifications notifications, NotificationProperties properties,
                     Clock clock) {
        this.bookings = bookings;
        this.queue = queue;
        this.notifications = notifications;
        this.settings = properties.reminders();
        this.clock = clock;
    }

    /** The timer; a second instance skips the round while the first holds the lock. */
    @Scheduled(fixedDelayString = "${notification.reminders.interval:PT1M}", initialDelayString = "${notification.reminders.interval:PT1M}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M")
    public void scheduled() {
        if (settings.enabled()) {
            sweep();
        }
    }

    /** One round: queues every reminder that is due now; returns how many messages were queued. */
    public int sweep() {
        Instant now = clock.instant();
        int queued = 0;
        for (BookingView booking : bookings.dayBeforeDue(now, settings.batchSize())) {
            // confirmed after 10:00 the day before: the confirmation itself carried everything
            if (booking.activatedAt() == null || booking.activatedAt().isBefore(booking.dayBeforeAt())) {
                queued += queue.queue(new Intent("reminder-day-before:" + booking.id(), "reminder.DayBefore", booking.id(),
                        booking.visit(), Role.GROUP_LEADER, Template.REMINDER_DAY_BEFORE, Map.of()));
            }
            bookings.markDayBeforeDone(booking.id());
        }
        for (BookingView booking : bookings.manifestReminderDue(now, settings.batchSize())) {
            if (!booking.visit().manifestComplete()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("visitorsNamed", booking.visit().visitorsNamed());
                details.put("manifestDeadline", notifications.deadline(booking.manifestDeadline(), booking.visit()));
                queued += queue.queue(new Intent("reminder-manifest:" + booking.id(), "reminder.ManifestDeadline", booking.id(),
                        booking.visit(), Role.OPERATOR, Template.OPERATOR_MANIFEST_REMINDER, details));
            }
            bookings.markManifestReminderDone(booking.id());
        }
        queue.announce(queued);
        if (queued > 0) {
            log.info("Queued {} reminder messages", queued);
        }
        return queued;
    }
}
