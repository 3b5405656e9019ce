package ru.promtour.catalog.config;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the enterprise API ({@code catalog.*}).
 *
 * @param scheduleMaxDays  a schedule spans at most this many days (one request must stay a bounded write)
 * @param scheduleMaxSlots a schedule creates at most this many slots
 * @param listMaxDays      a slot listing covers at most this many days
 * @param writeRetries     how often a read-decide-write on a slot is retried when a concurrent write won
 * @param changeWait       how long a slot change (capacity, close, reopen, cancel) waits for the seat ledger's
 *                         answer before it answers 202 with the pending request
 * @param changePoll       while waiting, how often the slot document is read again, so an answer consumed by
 *                         another instance is seen too (this instance's own listener signals at once)
 * @param slotHorizon      how far ahead a slot may start (a single slot's {@code localStart}, a schedule's {@code to}),
 *                         counted from today in the enterprise's zone; default two years
 */
@ConfigurationProperties("catalog")
public record CatalogProperties(@DefaultValue("366") int scheduleMaxDays, @DefaultValue("2000") int scheduleMaxSlots,
                                @DefaultValue("366") int listMaxDays, @DefaultValue("20") int writeRetries,
                                @DefaultValue("5s") Duration changeWait, @DefaultValue("300ms") Duration changePoll,
                                @DefaultValue("P2Y") Period slotHorizon) {
}
