package ru.promtour.booking.booking.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.BookingService;
import ru.promtour.booking.booking.messaging.SeatAnswers.SeatsHeld;
import ru.promtour.booking.booking.messaging.SeatAnswers.SeatsMoved;
import ru.promtour.booking.booking.messaging.SeatAnswers.SeatsRejected;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.messaging.CatalogEvents;
import ru.promtour.booking.catalog.messaging.SlotChanged;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;

/**
 * The booking side of the seat saga: reads the catalog's answers on {@code catalog.slots.v1} (key = slot
 * id, so a slot's answers arrive in order) and applies them. Each application is a conditional write on
 * the booking (PENDING with no outcome yet, or the resize with this request id), so a duplicate or late
 * answer matches nothing and emits nothing. {@code SlotCancelled} cancels the slot's bookings (supplier).
 */
@Component
public class SeatAnswerListener {

    public static final String GROUP = "booking-service.seat-answers";

    private final BookingService bookings;
    private final CatalogProjection projection;

    public SeatAnswerListener(BookingService bookings, CatalogProjection projection) {
        this.bookings = bookings;
        this.projection = projection;
    }

    @KafkaListener(id = "booking-seat-answers", topics = CatalogEvents.SLOTS, groupId = GROUP,
            concurrency = "${booking.seat-answers.concurrency:3}")
    void on(ConsumerRecord<String, Object> record) {
        apply(CloudEventHeaders.type(record.headers()), record.value());
    }

    /** Applies one answer by its type; everything else on the topic is ignored. */
    public void apply(String type, Object value) {
        if (value instanceof SeatsHeld e) {
            bookings.seatsHeld(e.bookingId(), e.requestId());
            available(e.slotId(), e.available());
        }
        else if (value instanceof SeatsRejected e) {
            bookings.seatsRejected(e.bookingId(), e.requestId(), e.reason(), e.units());
        }
        else if (value instanceof SeatsMoved e) {
            available(e.slotId(), e.available());
        }
        else if (value instanceof SlotChanged e && CatalogEvents.SLOT_CANCELLED.equals(type)) {
            bookings.supplierCancelled(e.slotId(), e.reason());
        }
    }

    private void available(String slotId, Integer available) {
        if (available != null) {
            projection.seatsChanged(slotId, available);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SeatAnswerTypes {

        @Bean
        EventTypes bookingSeatAnswerTypes() {
            return EventTypes.builder()
                    .add(SeatAnswers.HELD, SeatsHeld.class)
                    .add(SeatAnswers.REJECTED, SeatsRejected.class)
                    .add(SeatAnswers.CONFIRMED, SeatsMoved.class)
                    .add(SeatAnswers.RELEASED, SeatsMoved.class)
                    .build();
        }
    }
}
