package ru.promtour.notification.retention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.promtour.notification.booking.BookingView;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Recipients;
import ru.promtour.notification.webhook.Delivery;
import ru.promtour.notification.webhook.DeliveryStatus;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Removes personal data once it has served: a finished message (SENT, FAILED, SKIPPED) loses its body and its full
 * recipient {@code keep} after its last change (the delivery log keeps the masked recipient, subject, status and
 * times), a finished webhook delivery (DELIVERED, FAILED) its body (the OCTO booking, with the group leader's
 * contact; the attempts stay), and a booking copy loses its group leader's name, e-mail and phone {@code keep} after
 * the visit. One
 * instance at a time (ShedLock); each change is one conditional single-document update, so a repeated sweep
 * changes nothing twice. A redacted message or delivery cannot be sent again (the body is gone).
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class PersonalDataRetention {

    public static final String LOCK = "notification-retention";
    /** Set on a booking copy whose leader's contact was removed. */
    public static final String CONTACT_REMOVED_AT = "contactRemovedAt";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    private static final List<MessageStatus> FINISHED = List.of(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.SKIPPED);

    private final MongoOperations mongo;
    private final RetentionProperties properties;
    private final Clock clock;

    public PersonalDataRetention(MongoOperations mongo, RetentionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one sweep removed. */
    public record Swept(int messages, long deliveries, long bookings) {
    }

    @Scheduled(fixedDelayString = "${notification.retention.interval:PT1H}", initialDelayString = "${notification.retention.interval:PT1H}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void scheduled() {
        if (properties.enabled()) {
            Swept swept = sweep();
            if (swept.messages() > 0 || swept.deliveries() > 0 || swept.bookings() > 0) {
                log.info("Retention: personal data removed from {} message(s), {} webhook deliveries and {} booking(s)",
                        swept.messages(), swept.deliveries(), swept.bookings());
            }
        }
    }

    public Swept sweep() {
        Instant now = clock.instant();
        Instant before = now.minus(properties.keep());
        int messages = 0;
        List<Message> old = mongo.find(query(where("status").in(FINISHED).and("updatedAt").lt(before)
                .and(Message.REDACTED_AT).exists(false)).limit(properties.batchSize()), Message.class);
        for (Message m : old) {
            // the idempotency key named the recipient: a digest keeps it unique without keeping the address
            Update redact = new Update().unset("text").unset("html")
                    .set("recipient", Recipients.mask(m.recipient()))
                    .set("key", m.eventId() + "|" + m.channel() + "|" + sha256(m.recipient()))
                    .set(Message.REDACTED_AT, now);
            messages += (int) mongo.updateFirst(query(where("_id").is(m.id()).and("status").is(m.status())
                    .and(Message.REDACTED_AT).exists(false)), redact, Message.class).getModifiedCount();
        }
        long deliveries = mongo.updateMulti(query(where("status").in(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)
                        .and("updatedAt").lt(before).and(Delivery.REDACTED_AT).exists(false)),
                new Update().unset("body").set(Delivery.REDACTED_AT, now), Delivery.class).getModifiedCount();
        long bookings = mongo.updateMulti(query(where("start").lt(before).and(CONTACT_REMOVED_AT).exists(false)),
                new Update().unset("visit.contact.fullName").unset("visit.contact.emailAddress")
                        .unset("visit.contact.phoneNumber").set(CONTACT_REMOVED_AT, now),
                BookingView.class).getModifiedCount();
        return new Swept(messages, deliveries, bookings);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
