package ru.promtour.reporting.projection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A slot fact of {@code catalog.slots.v1} ({@code SlotPublished}, {@code SlotCapacityChanged}, …): the slot as it now stands. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlotEvent(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                        String localStart, Integer capacity, String status, Long version, Boolean allDay,
                        Instant occurredAt) {
}
