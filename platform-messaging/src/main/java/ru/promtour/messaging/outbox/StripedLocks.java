package ru.promtour.messaging.outbox;

import java.util.concurrent.locks.ReentrantLock;

/** A fixed set of locks picked by hash: bounded memory, and one aggregate always maps to the same lock. */
final class StripedLocks {

    private final ReentrantLock[] locks;

    StripedLocks(int stripes) {
        locks = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    ReentrantLock lockFor(String collection, Object id) {
        int hash = (collection + '\u0000' + id).hashCode();
        hash ^= hash >>> 16;
        return locks[Math.floorMod(hash, locks.length)];
    }
}
