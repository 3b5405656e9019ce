package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.ManifestIncomplete.v1}: at the manifest deadline a secure site's booking still lacks visitor names. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestIncomplete(String bookingId, String slotId, String excursionId, String operatorId, int units,
                                 int visitorsNamed, Instant manifestDeadline, Instant detectedAt, Visit visit)
        implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return detectedAt;
    }
}
