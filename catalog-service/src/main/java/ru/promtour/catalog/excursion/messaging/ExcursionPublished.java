package ru.promtour.catalog.excursion.messaging;

import java.time.Instant;

/** {@code catalog.ExcursionPublished.v1}: the program is now offered; carries its full state. */
public record ExcursionPublished(String excursionId, String enterpriseId, long version, Instant occurredAt,
                                 ExcursionDetails excursion) {
}
