package ru.promtour.reporting.projection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code catalog.ExcursionPublished.v1} / {@code ExcursionUpdated.v1} / {@code ExcursionUnpublished.v1}: a program and its prices. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramEvent(String excursionId, String enterpriseId, Long version, Instant occurredAt,
                           Excursion excursion) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Excursion(BookingEvent.Title title, Enterprise enterprise, List<Unit> units) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String id, String name, String region, String industry, String city, String timeZone) {
    }

    /** {@code price} in kopecks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String id, String type, Long price, String currency) {
    }
}
