package ru.promtour.catalog.slot.hours;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code catalog.opening-hours.*}.
 *
 * @param days         how many local dates ahead (today included) an opening-hours program has its day slots
 * @param rollInterval how often the days coming into that window are added
 */
@ConfigurationProperties("catalog.opening-hours")
public record OpeningHoursProperties(@DefaultValue("60") int days, @DefaultValue("1h") Duration rollInterval) {
}
