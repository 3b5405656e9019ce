package ru.promtour.notification.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.notification.booking.BookingView;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.retention.PersonalDataRetention;
import ru.promtour.notification.testdata.Events;
import ru.promtour.notification.webhook.Delivery;
import ru.promtour.notification.webhook.DeliveryLog;
import ru.promtour.notification.webhook.DeliveryStatus;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Personal data leaves 30 days (the default) after it served: a sent message's body and full recipient after its
 * last change, the group leader's contact after the visit; the log entry stays, masked; nothing twice; a
 * redacted message is not resent.
 */
@SpringBootTest(properties = {"notification.dispatch.enabled=false", "notification.reminders.enabled=false",
        "notification.retention.interval=PT24H"})
@ImportTestInfrastructure
@Import({TestSecurityConfiguration.class, RetentionIT.Clocks.class})
class RetentionIT {

    private static final Instant CONFIRMED_AT = Instant.parse("2026-11-10T00:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.fixedAt(CONFIRMED_AT);
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    PersonalDataRetention retention;
    @Autowired
    Notifications notifications;
    @Autowired
    MessageLog log;
    @Autowired
    MongoOperations mongo;
    @Autowired
    DeliveryLog deliveries;

    @Test
    void bodiesRecipientsAndTheLeadersContactLeaveAfterTheRetentionAndTheLogStays() {
        clock.set(CONFIRMED_AT);
        String bookingId = UUID.randomUUID().toString();
        String type = "booking.BookingConfirmed.v1";
        String json = Events.moved(Events.exampleJson(type), bookingId, "slot-" + bookingId, "Asia/Irkutsk",
                "2026-12-01T02:00:00Z", "2026-12-01T10:00:00+08:00");
        BookingEvent event = Events.JSON.readValue(json, Events.TYPES.get(type));
        notifications.handle(UUID.randomUUID().toString(), type, event, clock.instant());
        List<Message> queued = log.findByBooking(bookingId);
        assertThat(queued).isNotEmpty();
        // as the dispatcher leaves them: sent, last changed at confirmation
        mongo.updateMulti(query(where("bookingId").is(bookingId)),
                new Update().set("status", MessageStatus.SENT).set("updatedAt", CONFIRMED_AT), Message.class);

        clock.set(CONFIRMED_AT.plusSeconds(29L * 86_400));
        retention.sweep();
        assertThat(log.findByBooking(bookingId)).allSatisfy(m -> assertThat(m.text()).isNotNull());

        clock.set(CONFIRMED_AT.plusSeconds(31L * 86_400));
        retention.sweep();
        List<Message> redacted = log.findByBooking(bookingId);
        assertThat(redacted).hasSameSizeAs(queued).allSatisfy(m -> {
            assertThat(m.text()).isNull();
            assertThat(m.html()).isNull();
            assertThat(m.recipient()).contains("***");
            assertThat(m.key()).doesNotContain("@").doesNotContain("+7");
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        });
        assertThat(log.resend(redacted.get(0).id())).as("nothing left to send").isEmpty();
        BookingView view = mongo.findById(bookingId, BookingView.class);
        assertThat(view.visit().contact().emailAddress()).as("the visit (1 December) is less than 30 days ago").isNotNull();

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        PersonalDataRetention.Swept swept = retention.sweep();
        assertThat(swept.bookings()).isPositive();
        BookingView scrubbed = mongo.findById(bookingId, BookingView.class);
        assertThat(scrubbed.visit().contact().fullName()).isNull();
        assertThat(scrubbed.visit().contact().emailAddress()).isNull();
        assertThat(scrubbed.visit().contact().phoneNumber()).isNull();
        assertThat(scrubbed.visit().contact().locale()).as("the language stays").isNotNull();

        Object removedAt = mongo.findById(bookingId, org.bson.Document.class, "bookings").get(PersonalDataRetention.CONTACT_REMOVED_AT);
        List<Object> redactedAt = mongo.find(query(where("bookingId").is(bookingId)), org.bson.Document.class, "messages")
                .stream().map(d -> d.get(Message.REDACTED_AT)).toList();
        clock.set(Instant.parse("2027-01-02T00:00:00Z"));
        retention.sweep();
        assertThat(mongo.findById(bookingId, org.bson.Document.class, "bookings").get(PersonalDataRetention.CONTACT_REMOVED_AT))
                .as("nothing twice").isEqualTo(removedAt);
        assertThat(mongo.find(query(where("bookingId").is(bookingId)), org.bson.Document.class, "messages")
                .stream().map(d -> d.get(Message.REDACTED_AT)).toList()).isEqualTo(redactedAt);
    }

    @Test
    void aFinishedWebhookDeliveryLosesItsBodyButKeepsItsAttempts() {
        clock.set(CONFIRMED_AT);
        String id = UUID.randomUUID().toString();
        mongo.insert(new org.bson.Document("_id", id).append("key", "evt-" + id + "|wh-1").append("webhookId", "wh-1")
                .append("operatorId", "op-1").append("event", "BOOKING_UPDATE").append("eventId", "evt-" + id)
                .append("orderKey", "b-1").append("sequence", 1L)
                .append("body", "{\"event\":\"booking_update\",\"booking\":{\"contact\":{\"fullName\":\"Иванова\"}}}")
                .append("status", "DELIVERED").append("attemptCount", 1).append("redeliveries", 0)
                .append("attempts", List.of(new org.bson.Document("number", 1).append("at", java.util.Date.from(CONFIRMED_AT))
                        .append("httpStatus", 200).append("durationMs", 120L)))
                .append("createdAt", java.util.Date.from(CONFIRMED_AT)).append("updatedAt", java.util.Date.from(CONFIRMED_AT)),
                Delivery.COLLECTION);

        clock.set(CONFIRMED_AT.plusSeconds(29L * 86_400));
        retention.sweep();
        assertThat(deliveries.find(id).orElseThrow().body()).isNotNull();

        clock.set(CONFIRMED_AT.plusSeconds(31L * 86_400));
        assertThat(retention.sweep().deliveries()).isPositive();
        Delivery redacted = deliveries.find(id).orElseThrow();
        assertThat(redacted.body()).isNull();
        assertThat(redacted.attempts()).hasSize(1);
        assertThat(redacted.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(deliveries.redeliver(id, java.time.Duration.ofHours(24))).as("nothing left to send").isEmpty();
    }
}
