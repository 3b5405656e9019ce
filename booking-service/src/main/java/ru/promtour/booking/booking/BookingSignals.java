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
 * fast path). The request registers before it reads the document, so an answer applied between the read and
 * the wait still wakes it; it also re-reads every few hundred milliseconds, so an answer applied by another
 * instance is seen too, a little later. (Re-reading every 50 ms made hundreds of waiting requests poll the
 * store thousands of times a second under load, slowing the very saga they waited for.)
 */
@Component
public class BookingSignals {

    private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Registers interest in {@code bookingId}; call before reading the document, then {@link #await}. */
    CompletableFuture<Void> expect(String bookingId) {
        return waiting.computeIfAbsent(bookingId, id -> new CompletableFuture<>());
    }

    /** Waits at most {@code timeout} for the signal registered by {@link #expect}; returns early when it comes. */
    void await(CompletableFuture<Void> signal, Duration timeout) {
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
