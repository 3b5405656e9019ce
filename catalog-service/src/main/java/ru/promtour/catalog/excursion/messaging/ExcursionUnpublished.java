package ru.promtour.catalog.excursion.messaging;

import java.time.Instant;

/** {@code catalog.ExcursionUnpublished.v1}: the program is no longer offered; existing bookings stay. */
public record ExcursionUnpublished(String excursionId, String enterpriseId, long version, Instant occurredAt) {
}
