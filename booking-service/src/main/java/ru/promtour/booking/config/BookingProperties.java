package ru.promtour.booking.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the booking lifecycle ({@code booking.*}).
 *
 * @param hold    how long seats stay held
 * @param expiry  the sweeper that expires holds
 * @param manifest visitor manifests: the incomplete-list warning and personal-data retention
 * @param ledger   the seat ledger's orphan sweep
 * @param admission how many reserves run at once before the service sheds load
 */
@ConfigurationProperties("booking")
public record BookingProperties(@DefaultValue Hold hold, @DefaultValue Expiry expiry,
                                @DefaultValue Manifest manifest, @DefaultValue Ledger ledger,
                                @DefaultValue Admission admission, @DefaultValue Waitlist waitlist) {

    /**
     * @param offerTtl how long the seats of a waitlist offer stay held for the operator to confirm
     * @param interval delay between two waitlist sweeps (offers missed by the event path, entries past the cut-off)
     */
    public record Waitlist(@DefaultValue("2h") Duration offerTtl, @DefaultValue("30s") Duration interval) {
    }

    /**
     * @param orphanGrace    a hold older than this without its booking is an orphan (the process died between
     *                       the ledger's write and the booking's); a reserve that could not store its booking
     *                       within half of it gives the seats back itself
     * @param orphanInterval delay between two orphan sweeps
     */
    public record Ledger(@DefaultValue("30s") Duration orphanGrace, @DefaultValue("10s") Duration orphanInterval) {
    }

    /**
     * Admission control of the operator API: at most {@code maxConcurrentReserves} reserves run at once; the
     * next waits at most {@code maxWait}, then gets 429 with {@code Retry-After: retryAfterSeconds}. Before that,
     * reserves of one slot queue in the slot's lane: at most {@code perSlotConcurrentReserves} of them at once
     * (one document takes one write at a time anyway), the next waits at most {@code perSlotMaxWait} — long
     * enough for a race's winners to fill the slot, after which the losers are answered sold out from memory.
     */
    public record Admission(@DefaultValue("32") int maxConcurrentReserves, @DefaultValue("100ms") Duration maxWait,
                            @DefaultValue("8") int perSlotConcurrentReserves,
                            @DefaultValue("2s") Duration perSlotMaxWait,
                            @DefaultValue("1") int retryAfterSeconds) {
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
