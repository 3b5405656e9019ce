package ru.promtour.notification.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.notification.booking.BookingStatus;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.testdata.BookingKafka;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Booking events in on the real broker, messages queued in the store: who gets what, one message per
 * recipient and channel however often an event arrives, seat-saga types ignored, poison dead-lettered.
 */
@SpringBootTest(properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class BookingEventsIT {

    @Autowired
    MessageLog log;
    @Autowired
    Bookings bookings;
    @Autowired
    MongoOperations mongo;

    private final BookingKafka kafka = new BookingKafka();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aConfirmedBookingQueuesLeaderEmailAndSmsOperatorEmailAndEnterpriseNewBooking() {
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1"));

        List<Message> messages = awaitMessages(booking, 4);
        assertThat(messages).extracting(Message::role, Message::channel, Message::recipient, Message::template, Message::locale)
                .containsExactlyInAnyOrder(
                        tuple(Role.GROUP_LEADER, Channel.EMAIL, "m.ivanova@school42.example", "booking-confirmed", "ru"),
                        tuple(Role.GROUP_LEADER, Channel.SMS, "+79025551234", "booking-confirmed", "ru"),
                        tuple(Role.OPERATOR, Channel.EMAIL, "booking@baikal-tour.example", "booking-confirmed", "ru"),
                        tuple(Role.ENTERPRISE, Channel.EMAIL, "excursions@irkutsk-hpp.example", "enterprise-new-booking", "ru"));
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.operatorId()).isEqualTo("op-3b9e");
            assertThat(m.enterpriseId()).isEqualTo("ent-irkutsk-hpp");
            assertThat(m.text()).contains("PT-7K3M9Q");
        });
        await().untilAsserted(() -> assertThat(bookings.find(booking.bookingId())).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(view.operatorId()).isEqualTo("op-3b9e");
        }));
    }

    @Test
    void aGroupLeaderWithoutPhoneGetsNoSmsAndTheLogSaysWhy() {
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1")
                .replace("\"phoneNumber\": \"+79025551234\"", "\"phoneNumber\": null"));

        List<Message> messages = awaitMessages(booking, 4);
        assertThat(messages).filteredOn(m -> m.channel() == Channel.SMS).singleElement().satisfies(sms -> {
            assertThat(sms.role()).isEqualTo(Role.GROUP_LEADER);
            assertThat(sms.status()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(sms.lastError()).isEqualTo("no phone number");
            assertThat(sms.recipient()).isEmpty();
        });
        assertThat(messages).filteredOn(m -> m.channel() == Channel.EMAIL).extracting(Message::status)
                .containsOnly(MessageStatus.QUEUED).hasSize(3);
    }

    @Test
    void theSameEventDeliveredThreeTimesQueuesOneMessagePerRecipientAndChannel() {
        Booking booking = Booking.fresh();
        String json = booking.json("booking.BookingCancelled.v1");
        String eventId = kafka.send("booking.BookingCancelled.v1", booking, json);
        kafka.send(eventId, "booking.BookingCancelled.v1", booking.slotId(), booking.bookingId(), json);
        kafka.send(eventId, "booking.BookingCancelled.v1", booking.slotId(), booking.bookingId(), json);
        // a later, different event of the same booking proves all three copies were consumed before it
        kafka.send("booking.BookingExpired.v1", booking, booking.json("booking.BookingExpired.v1"));

        await().untilAsserted(() -> assertThat(log.findByBooking(booking.bookingId()))
                .filteredOn(m -> m.template().equals("booking-expired")).hasSize(3));
        assertThat(log.findByBooking(booking.bookingId())).filteredOn(m -> m.eventId().equals(eventId))
                .extracting(Message::role, Message::channel)
                .containsExactlyInAnyOrder(tuple(Role.GROUP_LEADER, Channel.EMAIL), tuple(Role.GROUP_LEADER, Channel.SMS),
                        tuple(Role.OPERATOR, Channel.EMAIL));
    }

    @Test
    void englishWhenTheContactsLocaleIsEnglishAndNoOperatorEmailWhenTheEventHasNone() {
        Booking booking = Booking.fresh();
        String json = booking.json("booking.BookingApproved.v1").replace("\"locale\": \"ru\"", "\"locale\": \"en-GB\"")
                .replace("\"email\": \"booking@baikal-tour.example\"", "\"email\": null");
        kafka.send("booking.BookingApproved.v1", booking, json);

        List<Message> messages = awaitMessages(booking, 2);
        assertThat(messages).extracting(Message::role, Message::channel, Message::locale).containsExactlyInAnyOrder(
                tuple(Role.GROUP_LEADER, Channel.EMAIL, "en"), tuple(Role.GROUP_LEADER, Channel.SMS, "en"));
        assertThat(messages.get(0).subject()).isEqualTo("The enterprise approved booking PT-7K3M9Q");
    }

    @Test
    void seatSagaEventsQueueNothingAndAPoisonRecordGoesToTheDeadLetterTopic() {
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingRequested.v1", booking, "{\"bookingId\":\"" + booking.bookingId() + "\"}");
        kafka.send("booking.BookingConfirmed.v1", booking, "{not json");
        kafka.send("booking.BookingDeclined.v1", booking, booking.json("booking.BookingDeclined.v1"));

        List<Message> messages = awaitMessages(booking, 3);
        assertThat(messages).extracting(Message::template).containsOnly("booking-declined");
        List<ConsumerRecord<String, String>> dead = BookingKafka.awaitRecords("booking.bookings.v1-dlt", booking.slotId(),
                Duration.ofSeconds(30));
        // each consumer group of the topic (messages, webhooks) dead-letters its own copy, naming itself
        await().atMost(Duration.ofSeconds(30)).until(() -> BookingKafka.awaitRecords("booking.bookings.v1-dlt",
                booking.slotId(), Duration.ofSeconds(30)).size() == 2);
        dead = BookingKafka.awaitRecords("booking.bookings.v1-dlt", booking.slotId(), Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> header(r, "kafka_dlt-original-consumer-group"))
                .containsExactlyInAnyOrder("notification-service", "notification-webhooks");
        for (ConsumerRecord<String, String> record : dead) {
            assertThat(record.value()).isEqualTo("{not json");
            assertThat(CloudEventHeaders.type(record.headers())).isEqualTo("booking.BookingConfirmed.v1");
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo("booking.bookings.v1");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<Message> awaitMessages(Booking booking, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(log.findByBooking(booking.bookingId())).hasSize(count));
        return log.findByBooking(booking.bookingId());
    }
}
