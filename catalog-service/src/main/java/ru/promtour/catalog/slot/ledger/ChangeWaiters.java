package ru.promtour.catalog.slot.ledger;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.Slot;

/**
 * The in-process signal between an HTTP call waiting for the ledger's answer and this instance's listener
 * that applies it: the listener hands over the slot as stored with the answer, so the call needs no read.
 * An answer consumed by another instance never reaches this map; the waiting call sees it by re-reading.
 */
@Component
class ChangeWaiters {

    private final Map<String, CompletableFuture<Slot>> waiting = new ConcurrentHashMap<>();

    /** Register before the request is written, so an answer that comes back at once is not missed. */
    CompletableFuture<Slot> register(String requestId) {
        return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    void answered(String requestId, Slot slot) {
        CompletableFuture<Slot> future = waiting.get(requestId);
        if (future != null) {
            future.complete(slot);
        }
    }

    void forget(String requestId) {
        waiting.remove(requestId);
    }
}
