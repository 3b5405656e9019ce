package ru.promtour.messaging.cloudevents;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The registry {@code ce_type} → Java class that a service contributes as a bean, so the shared
 * {@link CloudEventDeserializer} can turn a record into the service's own event class. Each service
 * owns its event classes (there is no shared event jar); this is where it declares them:
 * <pre>{@code
 * @Bean EventTypes eventTypes() {
 *     return EventTypes.builder()
 *             .add("catalog.SeatsHeld.v1", SeatsHeld.class)
 *             .add("catalog.SeatsRejected.v1", SeatsRejected.class)
 *             .build();
 * }
 * }</pre>
 * Several beans are merged. A type may map to one class only.
 */
public final class EventTypes {

    private static final EventTypes EMPTY = new EventTypes(Map.of());

    private final Map<String, Class<?>> byType;
    private final Map<Class<?>, String> byClass;

    private EventTypes(Map<String, Class<?>> byType) {
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
        Map<Class<?>, String> reverse = new LinkedHashMap<>();
        byType.forEach((type, cls) -> reverse.putIfAbsent(cls, type));
        this.byClass = Collections.unmodifiableMap(reverse);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EventTypes empty() {
        return EMPTY;
    }

    /** One registry from several; fails if two of them map the same type to different classes. */
    public static EventTypes merge(Collection<EventTypes> registries) {
        Builder builder = builder();
        registries.forEach(r -> r.byType.forEach(builder::add));
        return builder.build();
    }

    /** The class registered for a type, or null. */
    public Class<?> classFor(String type) {
        return type == null ? null : byType.get(type);
    }

    /** The (first) type registered for a class, or null: handy for producers building an {@code OutboxEvent}. */
    public String typeOf(Class<?> eventClass) {
        return byClass.get(eventClass);
    }

    public boolean isKnown(String type) {
        return classFor(type) != null;
    }

    /**
     * Whether {@code type} is named by a producer this service reads from: its namespace (the part before the first
     * dot, the producing service: {@code booking.BookingExpired.v1} → {@code booking}) is that of a registered type.
     * Such a type the service does not register is one it deliberately ignores, or one its producer added since
     * (producers may add types before consumers learn them); any other type is no event of the platform.
     */
    public boolean isFromKnownProducer(String type) {
        String namespace = namespace(type);
        return namespace != null && byType.keySet().stream().anyMatch(known -> namespace.equals(namespace(known)));
    }

    private static String namespace(String type) {
        int dot = type == null ? -1 : type.indexOf('.');
        return dot > 0 ? type.substring(0, dot) : null;
    }

    public Map<String, Class<?>> asMap() {
        return byType;
    }

    @Override
    public String toString() {
        return "EventTypes" + byType.keySet();
    }

    /** Collects type → class pairs. */
    public static final class Builder {

        private final Map<String, Class<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String type, Class<?> eventClass) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(eventClass, "eventClass");
            Class<?> previous = byType.putIfAbsent(type, eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalStateException("Event type " + type + " is registered for both "
                        + previous.getName() + " and " + eventClass.getName());
            }
            return this;
        }

        public EventTypes build() {
            return new EventTypes(byType);
        }
    }
}
