package ru.promtour.booking.booking.waitlist.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.waitlist.Waitlists;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;

/**
 * Reads the ledger's own {@code booking.seats.v1}: seats came back on a slot — a release (cancel, expiry, decline,
 * a smaller group, an orphan), an allocation released, a capacity raised or a slot reopened — so its waitlist may
 * get offers. Idempotent: an offer is a hold with the booking's id, a redelivery finds it held.
 */
@Component
class SeatsFreedListener {

    static final String GROUP = "booking-service.waitlist";
    static final String TOPIC = "booking.seats.v1";
    static final String RELEASED = "booking.SeatsReleased.v1";
    static final String ALLOCATION_RELEASED = "booking.AllocationReleased.v1";
    static final String CHANGE_APPLIED = "booking.SlotChangeApplied.v1";

    private final Waitlists waitlists;

    SeatsFreedListener(Waitlists waitlists) {
        this.waitlists = waitlists;
    }

    @KafkaListener(id = "booking-waitlist", topics = TOPIC, groupId = GROUP)
    void on(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof SeatsFreed e && e.slotId() != null && freesSeats(CloudEventHeaders.type(record.headers()), e)
                && waitlists.anyoneWaiting(e.slotId())) {
            waitlists.offer(e.slotId());
        }
    }

    private static boolean freesSeats(String type, SeatsFreed e) {
        return !CHANGE_APPLIED.equals(type) || "CAPACITY".equals(e.change()) || "REOPEN".equals(e.change());
    }

    /** The part of a ledger event the waitlist needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatsFreed(String slotId, String change) {
    }

    @Configuration(proxyBeanMethods = false)
    static class SeatsFreedTypes {

        @Bean
        EventTypes bookingSeatsFreedTypes() {
            return EventTypes.builder()
                    .add(RELEASED, SeatsFreed.class)
                    .add(ALLOCATION_RELEASED, SeatsFreed.class)
                    .add(CHANGE_APPLIED, SeatsFreed.class)
                    .build();
        }
    }
}
