package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingRequested.v1} as the catalog reads it: a new booking asks for seats on a slot. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingRequested(String bookingId, String slotId, String excursionId, String operatorId, int units,
                               List<UnitItem> unitItems, Instant requestedAt) {

    /** How many of one unit type (informative for the catalog; {@code units} is the seat count). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitItem(String unitId, int quantity) {
    }
}
