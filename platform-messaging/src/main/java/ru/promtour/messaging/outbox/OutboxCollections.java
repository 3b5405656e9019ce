package ru.promtour.messaging.outbox;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The aggregate collections whose {@code outbox} arrays the timer relay sweeps. A service declares
 * them as a bean ({@code OutboxCollections.of("slots")}) or with the property
 * {@code platform.messaging.outbox.collections}; all sources are merged. Only the timer (the safety
 * net) needs this: the fast path names its collection on every call.
 *
 * @param names collection names
 */
public record OutboxCollections(Set<String> names) {

    public OutboxCollections {
        names = Set.copyOf(new LinkedHashSet<>(names));
    }

    public static OutboxCollections of(String... names) {
        return new OutboxCollections(new LinkedHashSet<>(Arrays.asList(names)));
    }

    public static OutboxCollections of(Collection<String> names) {
        return new OutboxCollections(new LinkedHashSet<>(names));
    }
}
