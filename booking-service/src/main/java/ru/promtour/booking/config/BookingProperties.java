package ru.promtour.booking.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Limits of the booking lifecycle ({@code booking.*}).
 *
 * @param reserve reserve: how long the HTTP call waits for the catalog's answer
 * @param hold    how long seats stay held
 * @param expiry  the sweeper that expires holds
 * @param manifest visitor manifests: the incomplete-list warning and personal-data retention
 */
@ConfigurationProperties("booking")
public record BookingProperties(@DefaultValue Reserve reserve, @DefaultValue Hold hold, @DefaultValue Expiry expiry,
                                @DefaultValue Manifest manifest) {

    /** @param waitFor {@code booking.reserve.wait}: the bounded wait for the catalog's answer before answering PENDING */
    public record Reserve(@Name("wait") @DefaultValue("2s") Duration waitFor) {
    }

    /**
     * @param defaultMinutes hold length when the operator asks for none
     * @param maxMinutes     the most an operator may ask for (reserve and extend)
     */
    public record Hold(@DefaultValue("30") int defaultMinutes, @DefaultValue("60") int maxMinutes) {
    }

    /**
     * @param interval  delay between two sweeps
     * @param batchSize holds expired per sweep at most
     * @param lockAtMostFor how long a crashed sweeper keeps the lock
     */
    public record Expiry(@DefaultValue("5s") Duration interval, @DefaultValue("200") int batchSize,
                         @DefaultValue("1m") Duration lockAtMostFor) {
    }

    /**
     * @param warnBefore    ManifestIncomplete goes out this long before the manifest deadline (D-N)
     * @param retentionDays visitors' personal data is removed this many days after the visit
     * @param interval      delay between two runs of the manifest sweeper
     */
    public record Manifest(@DefaultValue("2d") Duration warnBefore, @DefaultValue("30") int retentionDays,
                           @DefaultValue("1h") Duration interval) {
    }
}
