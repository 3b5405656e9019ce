package ru.promtour.messaging.cloudevents;

/**
 * What {@link CloudEventDeserializer} returns for a {@code ce_type} the service's {@link EventTypes}
 * does not register. A topic carries every event of its aggregate, and a consumer usually cares about
 * a few of them: it ignores these instead of failing (which would send harmless records to the DLT).
 *
 * @param type the {@code ce_type} header
 * @param id   the {@code ce_id} header (may be null)
 */
public record UnknownEvent(String type, String id) {
}
