package ru.promtour.catalog.excursion.messaging;

import java.time.Instant;

/** {@code catalog.ExcursionUpdated.v1}: a published program changed; carries its full new state. */
public record ExcursionUpdated(String excursionId, String enterpriseId, long version, Instant occurredAt,
                               ExcursionDetails excursion) {
}
