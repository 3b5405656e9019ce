package ru.promtour.notification.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What notification-service did about a booking, in the shape the gateway merges with booking-service's part.
 *
 * @param traceIds the distinct trace ids of its messages, oldest first (a message keeps the trace of its event)
 */
public record MessageStory(String bookingId, List<String> traceIds, List<Entry> events) {

    public static final String SOURCE = "notification-service";

    /**
     * One message ({@code kind: message}: event type, role, channel, masked recipient, status, attempts, times, the
     * kind of its last error) or one webhook delivery ({@code kind: webhook}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, String source, String kind, String type, Map<String, Object> detail, String traceId) {
    }
}
