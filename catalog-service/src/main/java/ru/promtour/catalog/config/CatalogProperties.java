package ru.promtour.catalog.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the enterprise API ({@code catalog.*}).
 *
 * @param scheduleMaxDays  a schedule spans at most this many days (one request must stay a bounded write)
 * @param scheduleMaxSlots a schedule creates at most this many slots
 * @param listMaxDays      a slot listing covers at most this many days
 * @param writeRetries     how often a read-decide-write on a slot is retried when a concurrent write won
 */
@ConfigurationProperties("catalog")
public record CatalogProperties(@DefaultValue("366") int scheduleMaxDays, @DefaultValue("2000") int scheduleMaxSlots,
                                @DefaultValue("366") int listMaxDays, @DefaultValue("20") int writeRetries) {
}
