package ru.promtour.notification.it;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.testdata.BookingKafka;
import ru.promtour.notification.testdata.WebhookReceiver;
import ru.promtour.notification.webhook.Delivery;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Events of bookings imported from a previous registry ({@code "imported": true}, issue 18) are history: neither
 * group ({@code notification-service}: messages, {@code notification-webhooks}: deliveries) does anything with them.
 * (The same context as {@link WebhooksIT}, so it is started once.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import({TestSecurityConfiguration.class, WebhooksIT.Clocks.class})
class ImportedEventsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    MessageLog log;
    @Autowired
    Bookings bookings;
    @Autowired
    MongoOperations mongo;

    private final BookingKafka kafka = new BookingKafka();
    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void close() {
        kafka.close();
        receiver.close();
    }

    @Test
    void importedConfirmedAndCancelledEventsQueueNoMessageAndNoWebhookDelivery() {
        String operatorId = "op-" + UUID.randomUUID();
        TestHttp.Response webhook = TestHttp.localhost(port).withToken(TestTokens.operator(operatorId))
                .post("/octo/webhooks", "{\"url\":\"" + receiver.url("/hooks") + "\",\"event\":\"booking_update\"}");
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(200);
        BookingKafka.Booking imported = BookingKafka.Booking.fresh();
        BookingKafka.Booking live = new BookingKafka.Booking(UUID.randomUUID().toString(), imported.slotId());

        kafka.send("booking.BookingConfirmed.v1", imported, importedJson(imported, "booking.BookingConfirmed.v1", operatorId));
        kafka.send("booking.BookingCancelled.v1", imported, importedJson(imported, "booking.BookingCancelled.v1", operatorId));
        // a live booking of the same slot: same key, same partition, so read after the imported ones by both groups
        String liveEvent = kafka.send("booking.BookingConfirmed.v1", live,
                forOperator(live.json("booking.BookingConfirmed.v1"), operatorId));

        await().atMost(WAIT).until(() -> log.findByBooking(live.bookingId()).size() == 4);
        await().atMost(WAIT).until(() -> mongo.exists(query(where("eventId").is(liveEvent)), Delivery.class));
        assertThat(log.findByBooking(imported.bookingId())).isEmpty();
        assertThat(bookings.find(imported.bookingId())).isEmpty();
        assertThat(mongo.find(query(where("operatorId").is(operatorId)), Delivery.class))
                .extracting(Delivery::eventId).containsExactly(liveEvent);
    }

    /** The example event of {@code type} for this booking and operator, marked as the history import marks it. */
    private static String importedJson(BookingKafka.Booking booking, String type, String operatorId) {
        String json = forOperator(booking.json(type), operatorId);
        assertThat(json).startsWith("{").doesNotContain("\"imported\"");
        return "{\"imported\":true," + json.substring(1);
    }

    private static String forOperator(String json, String operatorId) {
        return json.replace("\"op-3b9e\"", "\"" + operatorId + "\"");
    }
}
