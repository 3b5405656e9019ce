package ru.promtour.logging;

import org.slf4j.MDC;

/**
 * The MDC keys every service uses, named as the ECS fields they become in the JSON logs (a dotted key is
 * written as nested objects: {@code request.id} → {@code "request":{"id":…}}). The tracer's own
 * {@code traceId}/{@code spanId} are written as {@code trace.id}/{@code span.id} by the JSON customizer.
 */
public final class LogFields {

    /** The gateway's {@code X-Request-Id}. */
    public static final String REQUEST_ID = "request.id";
    /** The authenticated tenant's id (enterprise, operator or {@code admin}). */
    public static final String TENANT_ID = "tenant.id";
    /** The booking being handled: its public reference where it has one, else its id. */
    public static final String BOOKING_ID = "booking.id";

    private LogFields() {
    }

    /**
     * Puts {@code booking.id} into the MDC until the returned handle is closed (try-with-resources); a blank id
     * puts nothing. The previous value, if any, comes back on close, so nested scopes do not erase an outer one.
     */
    public static MdcScope booking(String bookingId) {
        return MdcScope.put(BOOKING_ID, bookingId);
    }

    /** One MDC entry for the length of a try-with-resources block; restores what was there before. */
    public static final class MdcScope implements AutoCloseable {

        private static final MdcScope NONE = new MdcScope(null, null);

        private final String key;
        private final String previous;

        private MdcScope(String key, String previous) {
            this.key = key;
            this.previous = previous;
        }

        /** Puts {@code key=value}; a null or blank value puts nothing. */
        public static MdcScope put(String key, String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            String previous = MDC.get(key);
            MDC.put(key, value);
            return new MdcScope(key, previous);
        }

        @Override
        public void close() {
            if (key == null) {
                return;
            }
            if (previous != null) {
                MDC.put(key, previous);
            } else {
                MDC.remove(key);
            }
        }
    }
}
