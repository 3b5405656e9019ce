package ru.promtour.notification.webhook.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.consumer.IdempotentConsumer;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.webhook.WebhookDeliveries;

/**
 * Reads {@code booking.bookings.v1} and {@code catalog.availability.v1} in a group of its own ({@code notification-webhooks}: a slow or failing receiver
 * never holds up the people's messages, nor they the webhooks) and queues a {@code booking_update} for each
 * lifecycle event that carries the OCTO booking, to the webhooks of the booking's operator only. Once per event id:
 * {@code processed_events}, and the deliveries' unique {@code eventId|webhookId} behind it. The partition offset
 * orders a booking's deliveries (its events share the slot's partition). Likewise each
 * {@code catalog.AvailabilityChanged.v1} becomes an {@code availability_update} to the webhooks that chose its
 * product, ordered per slot.
 */
@Component
public class WebhookEventsListener {

    public static final String GROUP = "notification-webhooks";
    public static final String AVAILABILITY_TOPIC = "catalog.availability.v1";
    static final String CONSUMER = "notification.webhooks";

    private static final Logger log = LoggerFactory.getLogger(WebhookEventsListener.class);

    private final WebhookDeliveries deliveries;
    private final IdempotentConsumer idempotent;

    public WebhookEventsListener(WebhookDeliveries deliveries, IdempotentConsumer idempotent) {
        this.deliveries = deliveries;
        this.idempotent = idempotent;
    }

    @KafkaListener(id = "notification-webhook-bookings", topics = "booking.bookings.v1", groupId = GROUP,
            concurrency = "${notification.listener.concurrency:2}")
    void onBooking(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof BookingEvent event) || event.octoBooking() == null || event.octoBooking().isNull()
                || event.importedHistory()) {
            // an imported booking is history (issue 18): its operator is not told about it
            return;
        }
        String id = CloudEventHeaders.id(record.headers());
        if (id == null || id.isBlank() || event.visit().operator() == null || event.visit().operator().id() == null) {
            log.warn("Booking event without {} or operator on {}@{}: no webhook", CloudEventHeaders.ID, record.topic(), record.offset());
            return;
        }
        String operatorId = event.visit().operator().id();
        idempotent.runOnce(CONSUMER, id, () -> deliveries.bookingUpdate(id, operatorId, event.bookingId(),
                record.offset(), event.octoBooking()));
    }

    @KafkaListener(id = "notification-webhook-availability", topics = AVAILABILITY_TOPIC, groupId = GROUP,
            concurrency = "${notification.listener.concurrency:2}")
    void onAvailability(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof AvailabilityChanged event) || event.availability() == null) {
            return;
        }
        String id = CloudEventHeaders.id(record.headers());
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Event without " + CloudEventHeaders.ID + " on " + record.topic());
        }
        idempotent.runOnce(CONSUMER, id, () -> deliveries.availabilityUpdate(id, event.productId(), event.optionId(),
                event.slotId(), record.offset(), event.availability()));
    }

    /** The catalog's availability events, read into this service's own record. */
    @Configuration(proxyBeanMethods = false)
    static class AvailabilityEventTypes {

        @Bean
        EventTypes notificationAvailabilityEventTypes() {
            return EventTypes.builder().add("catalog.AvailabilityChanged.v1", AvailabilityChanged.class).build();
        }
    }
}
