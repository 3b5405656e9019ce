package ru.promtour.catalog.slot.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.SeatInventory;
import ru.promtour.catalog.slot.SeatInventory.ReleaseCause;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.messaging.consumer.IdempotentConsumer;

/**
 * The catalog's side of the seat saga: reads {@code booking.bookings.v1} (key = slot id, so a slot's events
 * arrive in order) and hands each seat event to {@link SeatInventory}. Other booking events arrive as
 * {@link UnknownEvent} and are ignored.
 * <p>
 * Requests (reserve, resize) go through {@link IdempotentConsumer}, because their "no" is a rejection that
 * is appended unconditionally; the hold itself is conditional anyway. Confirm and release rely on their own
 * conditional updates (the booking's entry must be there with its stored units), so a redelivery matches
 * nothing.
 */
@Component
public class SeatRequestListener {

    public static final String TOPIC = "booking.bookings.v1";
    public static final String GROUP = "catalog-service";
    public static final String CONSUMER = "catalog.seat-requests";

    public static final String REQUESTED = "booking.BookingRequested.v1";
    public static final String RESIZE_REQUESTED = "booking.BookingResizeRequested.v1";
    public static final String CONFIRMED = "booking.BookingConfirmed.v1";
    public static final String APPROVED = "booking.BookingApproved.v1";
    public static final String CANCELLED = "booking.BookingCancelled.v1";
    public static final String EXPIRED = "booking.BookingExpired.v1";
    public static final String DECLINED = "booking.BookingDeclined.v1";

    private static final Logger log = LoggerFactory.getLogger(SeatRequestListener.class);

    private final SeatInventory seats;
    private final IdempotentConsumer idempotent;

    public SeatRequestListener(SeatInventory seats, IdempotentConsumer idempotent) {
        this.seats = seats;
        this.idempotent = idempotent;
    }

    /** One consumer per partition (up to the configured concurrency): slots of different partitions are served in parallel. */
    @KafkaListener(id = "catalog-seat-requests", topics = TOPIC, groupId = GROUP,
            concurrency = "${catalog.seat-requests.concurrency:3}")
    void on(ConsumerRecord<String, Object> record) {
        String eventId = CloudEventHeaders.id(record.headers());
        Object value = record.value();
        if (value instanceof BookingRequested e) {
            idempotent.runOnce(CONSUMER, eventId, () -> seats.hold(e.slotId(), e.bookingId(), e.units()));
        }
        else if (value instanceof BookingResizeRequested e) {
            idempotent.runOnce(CONSUMER, eventId,
                    () -> seats.resize(e.slotId(), e.bookingId(), e.requestId(), e.units(), e.previousUnits()));
        }
        else if (value instanceof BookingConfirmed e) {
            seats.confirm(e.slotId(), e.bookingId());
        }
        else if (value instanceof BookingApproved e) {
            seats.confirm(e.slotId(), e.bookingId());
        }
        else if (value instanceof BookingCancelled e) {
            seats.release(e.slotId(), e.bookingId(), ReleaseCause.CANCELLED);
        }
        else if (value instanceof BookingExpired e) {
            seats.release(e.slotId(), e.bookingId(), ReleaseCause.EXPIRED);
        }
        else if (value instanceof BookingDeclined e) {
            seats.release(e.slotId(), e.bookingId(), ReleaseCause.DECLINED);
        }
        else if (value instanceof UnknownEvent e) {
            log.trace("Ignoring {} {}", e.type(), e.id());
        }
    }

    /** The booking events the catalog reads; everything else on the topic becomes {@link UnknownEvent}. */
    @Configuration(proxyBeanMethods = false)
    static class SeatRequestTypes {

        @Bean
        EventTypes catalogSeatRequestTypes() {
            return EventTypes.builder()
                    .add(REQUESTED, BookingRequested.class)
                    .add(RESIZE_REQUESTED, BookingResizeRequested.class)
                    .add(CONFIRMED, BookingConfirmed.class)
                    .add(APPROVED, BookingApproved.class)
                    .add(CANCELLED, BookingCancelled.class)
                    .add(EXPIRED, BookingExpired.class)
                    .add(DECLINED, BookingDeclined.class)
                    .build();
        }
    }
}
