package ru.promtour.notification.message;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ru.promtour.notification.event.Visit;
import ru.promtour.notification.template.Template;

/**
 * A decision to tell one party of a booking something: the group leader (email and SMS), the operator
 * or the enterprise (email). {@link MessageQueue} turns it into one message per channel and address.
 *
 * @param eventId   the {@code ce_id} (or a reminder's synthetic id): part of the idempotency key
 * @param eventType the {@code ce_type} (or {@code reminder.*})
 * @param details   event-specific values for the template ({@code d.*}); may hold nulls
 */
public record Intent(String eventId, String eventType, String bookingId, Visit visit, Role role, Template template,
                     Map<String, Object> details) {

    public Intent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(visit, "visit");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
