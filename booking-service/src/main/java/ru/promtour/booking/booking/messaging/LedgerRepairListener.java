package ru.promtour.booking.booking.messaging;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.logging.LogFields;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;

/**
 * The safety net of "booking first, ledger second": a confirm, cancel, expiry, approval, decline or change of
 * units writes the booking (with its event) and then the ledger, and a process that dies in between leaves the
 * ledger behind. This listener reads the service's own {@code booking.bookings.v1} and applies the ledger half
 * again. Every ledger change is conditional on the booking's entry, so when the fast path already applied it
 * (the usual case) nothing changes; order does not matter either (a confirm after the release finds no hold).
 * <p>
 * A move ({@code BookingUpdated} with {@code previousSlotId}) wrote the booking on the new slot after holding
 * there; its ledger half is the confirm of a CONFIRMED booking's new hold and the release of the old slot's entry
 * (cause MOVED). Both are applied only while the stored booking is still on the event's slot: a booking moved back
 * meanwhile owns the old slot's entry again.
 */
@Component
class LedgerRepairListener {

    static final String GROUP = "booking-service.ledger-repair";

    private final SeatLedger ledger;
    private final Clock clock;

    private final BookingStore store;

    LedgerRepairListener(SeatLedger ledger, Clock clock, BookingStore store) {
        this.ledger = ledger;
        this.clock = clock;
        this.store = store;
    }

    @KafkaListener(id = "booking-ledger-repair", topics = BookingEvents.TOPIC, groupId = GROUP)
    void on(ConsumerRecord<String, Object> record) {
        try (LogFields.MdcScope ignored = LogFields.booking(CloudEventHeaders.subject(record.headers()))) {
            apply(CloudEventHeaders.type(record.headers()), record.value());
        }
    }

    /** Applies the ledger half of one booking event; other types are ignored. */
    void apply(String type, Object value) {
        if (!(value instanceof SeatFact e) || e.bookingId() == null || e.slotId() == null) {
            return;
        }
        switch (type) {
            case BookingEvents.CONFIRMED, BookingEvents.APPROVED -> ledger.confirm(e.slotId(), e.bookingId(), clock.instant());
            case BookingEvents.CANCELLED -> ledger.release(e.slotId(), e.bookingId(), "CANCELLED", clock.instant());
            case BookingEvents.EXPIRED -> ledger.release(e.slotId(), e.bookingId(), "EXPIRED", clock.instant());
            case BookingEvents.DECLINED -> ledger.release(e.slotId(), e.bookingId(), "DECLINED", clock.instant());
            case BookingEvents.UPDATED -> {
                if (e.previousSlotId() != null && !e.previousSlotId().equals(e.slotId())) {
                    moved(e);
                }
                else if (e.previousUnits() != null && e.previousUnits() > e.units()) {
                    ledger.resize(e.slotId(), e.bookingId(), e.previousUnits(), e.units(), clock.instant());
                }
            }
            default -> { }
        }
    }

    private void moved(SeatFact e) {
        store.byId(e.bookingId()).filter(b -> e.slotId().equals(b.slotId())).ifPresent(b -> {
            if (b.status() == BookingStatus.CONFIRMED) {
                ledger.confirm(e.slotId(), e.bookingId(), clock.instant());
            }
            ledger.release(e.previousSlotId(), e.bookingId(), "MOVED", clock.instant());
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SeatFactTypes {

        @Bean
        EventTypes bookingSeatFactTypes() {
            return EventTypes.builder()
                    .add(BookingEvents.CONFIRMED, SeatFact.class)
                    .add(BookingEvents.APPROVED, SeatFact.class)
                    .add(BookingEvents.CANCELLED, SeatFact.class)
                    .add(BookingEvents.EXPIRED, SeatFact.class)
                    .add(BookingEvents.DECLINED, SeatFact.class)
                    .add(BookingEvents.UPDATED, SeatFact.class)
                    .add(BookingEvents.PENDING_APPROVAL, SeatFact.class)
                    .build();
        }
    }
}
