package ru.promtour.notification.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.messaging.metrics.MetricsPoller;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The send and delivery timers and the queue depth, read from the service's own registry. */
@SpringBootTest(properties = "notification.dispatch.max-attempts=50")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class DeliveryMetricsIT extends DeliveryTestSupport {

    @Autowired
    MeterRegistry registry;
    @Autowired
    MetricsPoller poller;
    @Autowired
    MongoOperations mongo;

    @Test
    void everySendIsTimedByChannelAndOutcomeAndEveryDeliveryAgainstTheFiveMinuteObjective() throws Exception {
        long emailsSent = sends("email", "sent");
        long smsSent = sends("sms", "sent");
        long emailsDelivered = deliveries("email");
        Booking booking = Booking.fresh();

        kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(log.findByBooking(booking.bookingId())).hasSize(4).allMatch(m -> m.status() == MessageStatus.SENT));
        // three emails (leader, operator, enterprise) and one SMS
        assertThat(sends("email", "sent")).isEqualTo(emailsSent + 3);
        assertThat(sends("sms", "sent")).isEqualTo(smsSent + 1);
        assertThat(deliveries("email")).isEqualTo(emailsDelivered + 3);
        Timer delivery = registry.get("notification.delivery").tag("channel", "email").timer();
        assertThat(delivery.max(TimeUnit.SECONDS)).isLessThan(30);
        assertThat(Arrays.stream(delivery.takeSnapshot().histogramCounts()).map(b -> b.bucket(TimeUnit.SECONDS)))
                .as("the alert's bucket: delivered within 5 minutes").contains(300.0);
    }

    @Test
    void queueDepthCountsTheMessagesWaitingPerChannel() {
        poller.refreshAll();
        assertThat(depth("email")).isNotNegative();
        assertThat(depth("webhook")).isNotNegative();
        // an SMS waiting for a retry an hour from now: not sent meanwhile, so it stays in the queue
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String phone = "+7902" + (1_000_000 + (int) (Math.random() * 8_999_999));
        mongo.insert(new Message(UUID.randomUUID().toString(), "depth|SMS|" + phone, "depth-" + UUID.randomUUID(),
                "booking.BookingConfirmed.v1", UUID.randomUUID().toString(), "op-3b9e", "ent-irkutsk-hpp",
                Role.GROUP_LEADER, Channel.SMS, phone, "ru", "booking-confirmed", null, "Бронь подтверждена", null,
                MessageStatus.QUEUED, 1, later, null, null, "timeout", Instant.now(), Instant.now(), null, 0, null));

        poller.refreshAll();

        assertThat(depth("sms")).isGreaterThanOrEqualTo(1);
    }

    private long sends(String channel, String outcome) {
        Timer timer = registry.find("notification.send").tag("channel", channel).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private long deliveries(String channel) {
        Timer timer = registry.find("notification.delivery").tag("channel", channel).timer();
        return timer == null ? 0 : timer.count();
    }

    private double depth(String channel) {
        return registry.get("notification.queue.depth").tag("channel", channel).gauge().value();
    }
}
