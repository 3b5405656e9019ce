package ru.promtour.notification.event.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.logging.LogFields;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.notification.event.BookingApproved;
import ru.promtour.notification.event.BookingCancelled;
import ru.promtour.notification.event.BookingConfirmed;
import ru.promtour.notification.event.BookingDeclined;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.BookingExpired;
import ru.promtour.notification.event.BookingPendingApproval;
import ru.promtour.notification.event.BookingUpdated;
import ru.promtour.notification.event.ManifestIncomplete;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.event.RouteCancelled;
import ru.promtour.notification.event.RouteConfirmed;
import ru.promtour.notification.event.RouteEvent;
import ru.promtour.notification.event.WaitlistOffered;

/**
 * Reads {@code booking.bookings.v1} and queues the messages each lifecycle event causes (a booking's, a waitlist
 * offer's, a route's). It only writes QUEUED messages (one insert each, unique idempotency key) and the booking
 * and route projections, so a slow SMTP server or SMS provider never holds up the partition; the dispatcher sends.
 * The seat-saga types (requested, held, rejected, resize) are not registered and arrive as {@link UnknownEvent}:
 * ignored; so are events of imported bookings ({@link BookingEvent#importedHistory()}): history, nobody is told.
 * Undecodable records go to {@code booking.bookings.v1-dlt} through platform-messaging's error handler.
 */
@Component
public class BookingEventsListener {

    public static final String TOPIC = "booking.bookings.v1";
    public static final String GROUP = "notification-service";

    private static final Logger log = LoggerFactory.getLogger(BookingEventsListener.class);

    private final Notifications notifications;

    public BookingEventsListener(Notifications notifications) {
        this.notifications = notifications;
    }

    @KafkaListener(id = "notification-booking-events", topics = TOPIC, groupId = GROUP,
            concurrency = "${notification.listener.concurrency:2}")
    void on(ConsumerRecord<String, Object> record) {
        Object value = record.value();
        if (value instanceof BookingEvent event && event.importedHistory()) {
            log.trace("Ignoring imported {} {}", CloudEventHeaders.type(record.headers()), CloudEventHeaders.id(record.headers()));
        }
        else if (value instanceof BookingEvent event) {
            try (LogFields.MdcScope ignored = LogFields.booking(event.bookingId())) {
                String id = eventId(record);
                int queued = notifications.handle(id, CloudEventHeaders.type(record.headers()), event,
                        CloudEventHeaders.time(record.headers()));
                // one line per event a booking's people are told about: where its story starts in the logs
                log.info("{} {} for booking {}: {} new messages", CloudEventHeaders.type(record.headers()), id,
                        event.bookingId(), queued);
            }
        }
        else if (value instanceof RouteEvent event) {
            try (LogFields.MdcScope ignored = LogFields.booking(event.routeBookingId())) {
                String id = eventId(record);
                int queued = notifications.handle(id, CloudEventHeaders.type(record.headers()), event,
                        CloudEventHeaders.time(record.headers()));
                log.info("{} {} for route booking {}: {} new messages", CloudEventHeaders.type(record.headers()), id,
                        event.routeBookingId(), queued);
            }
        }
        else if (value instanceof UnknownEvent e) {
            log.trace("Ignoring {} {}", e.type(), e.id());
        }
    }

    private static String eventId(ConsumerRecord<String, Object> record) {
        String id = CloudEventHeaders.id(record.headers());
        if (id == null || id.isBlank()) {
            // without ce_id there is no idempotency key: let the error handler dead-letter it
            throw new IllegalArgumentException("Event without " + CloudEventHeaders.ID + " on " + record.topic());
        }
        return id;
    }

    /** The booking and route events people are told about. */
    @Configuration(proxyBeanMethods = false)
    static class BookingEventTypes {

        @Bean
        EventTypes notificationBookingEventTypes() {
            return EventTypes.builder()
                    .add("booking.BookingConfirmed.v1", BookingConfirmed.class)
                    .add("booking.BookingPendingApproval.v1", BookingPendingApproval.class)
                    .add("booking.BookingApproved.v1", BookingApproved.class)
                    .add("booking.BookingDeclined.v1", BookingDeclined.class)
                    .add("booking.BookingUpdated.v1", BookingUpdated.class)
                    .add("booking.BookingCancelled.v1", BookingCancelled.class)
                    .add("booking.BookingExpired.v1", BookingExpired.class)
                    .add("booking.ManifestIncomplete.v1", ManifestIncomplete.class)
                    .add("booking.WaitlistOffered.v1", WaitlistOffered.class)
                    .add("booking.RouteConfirmed.v1", RouteConfirmed.class)
                    .add("booking.RouteCancelled.v1", RouteCancelled.class)
                    .build();
        }
    }
}
