package ru.promtour.booking.booking.noshow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The no-show mark ({@code booking.no-show.*}).
 *
 * @param markWithin how long after the visit's start the enterprise may still mark its group a no-show (the
 *                   settlement of the month needs the mark settled by then)
 */
@ConfigurationProperties("booking.no-show")
public record NoShowProperties(@DefaultValue("30d") Duration markWithin) {
}
