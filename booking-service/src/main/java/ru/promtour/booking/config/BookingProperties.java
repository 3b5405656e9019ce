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
 */
@ConfigurationProperties("booking")
public record BookingProperties(@DefaultValue Reserve reserve, @DefaultValue Hold hold, @DefaultValue Expiry expiry) {

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
}
