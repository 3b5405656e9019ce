package ru.promtour.booking.catalog.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ru.promtour.booking.catalog.Program;

/**
 * {@code catalog.ExcursionPublished.v1}, {@code ExcursionUpdated.v1} and {@code ExcursionUnpublished.v1}
 * (the last without {@code excursion}): one shape, told apart by {@code ce_type}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExcursionChanged(String excursionId, String enterpriseId, long version, Instant occurredAt,
                               Program excursion) {
}
