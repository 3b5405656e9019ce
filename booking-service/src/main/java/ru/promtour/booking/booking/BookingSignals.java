package ru.promtour.booking.booking;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Wakes a reserve request waiting for the catalog's answer when this instance's consumer applies it (the
 * fast path). The request re-reads the document on every wake-up and also every short interval, so an
 * answer applied by another instance is seen too, just a little later.
 */
@Component
public class BookingSignals {

    private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Waits at most {@code timeout} for a signal about {@code bookingId}; returns early when one comes. */
    void await(String bookingId, Duration timeout) {
        CompletableFuture<Void> signal = waiting.computeIfAbsent(bookingId, id -> new CompletableFuture<>());
        try {
            signal.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            // a timeout only means: read the document again
        }
    }

    /** Something changed in the booking: wake whoever waits for it. */
    void signal(String bookingId) {
        CompletableFuture<Void> signal = waiting.remove(bookingId);
        if (signal != null) {
            signal.complete(null);
        }
    }

    /** The request stopped waiting. */
    void forget(String bookingId) {
        waiting.remove(bookingId);
    }
}
