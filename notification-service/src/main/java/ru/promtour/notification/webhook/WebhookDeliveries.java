package ru.promtour.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into PENDING deliveries, one per subscribed webhook, with the body rendered once; nothing is sent
 * here (this runs on the Kafka listener thread). Only the webhooks of the operator that owns the booking are
 * told about it; availability goes to the webhooks that chose the product.
 */
@Component
public class WebhookDeliveries {

    private final Webhooks webhooks;
    private final DeliveryLog log;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final NotificationProperties.Webhooks settings;
    private final Clock clock;

    public WebhookDeliveries(Webhooks webhooks, DeliveryLog log, JsonMapper json, ApplicationEventPublisher events,
                             NotificationProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.log = log;
        this.json = json;
        this.events = events;
        this.settings = properties.webhooks();
        this.clock = clock;
    }

    /** Says that deliveries wait, so the dispatcher looks now rather than at its next poll. */
    public record Queued(int count) {
    }

    /**
     * Queues {@code {"event":"booking_update","booking":<octoBooking>}} for the operator's booking webhooks.
     *
     * @param sequence the event's position among the booking's events (its partition offset)
     * @return how many deliveries are new (0 for a redelivered event)
     */
    public int bookingUpdate(String eventId, String operatorId, String bookingId, long sequence, JsonNode octoBooking) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", WebhookEvent.BOOKING_UPDATE.octoName());
        body.put("booking", octoBooking);
        return queue(webhooks.subscribed(operatorId, WebhookEvent.BOOKING_UPDATE), eventId, WebhookEvent.BOOKING_UPDATE,
                bookingId, sequence, json.writeValueAsString(body));
    }

    /**
     * Queues {@code {"event":"availability_update","productId","optionId","availability"}} for every webhook that
     * chose the product.
     *
     * @param sequence the event's position among the slot's events (its partition offset)
     */
    public int availabilityUpdate(String eventId, String productId, String optionId, String slotId, long sequence,
                                  JsonNode availability) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", WebhookEvent.AVAILABILITY_UPDATE.octoName());
        body.put("productId", productId);
        body.put("optionId", optionId);
        body.put("availability", availability);
        return queue(webhooks.subscribedToProduct(productId), eventId, WebhookEvent.AVAILABILITY_UPDATE, slotId, sequence,
                json.writeValueAsString(body));
    }

    private int queue(List<Webhook> targets, String eventId, WebhookEvent event, String orderKey, long sequence, String body) {
        Instant now = clock.instant();
        int queued = 0;
        for (Webhook webhook : targets) {
            Delivery delivery = new Delivery(UUID.randomUUID().toString(), eventId + "|" + webhook.id(), webhook.id(),
                    webhook.operatorId(), event, eventId, orderKey, sequence, body, DeliveryStatus.PENDING, 0, now, null,
                    now.plus(settings.giveUpAfter()), List.of(), null, 0, now, now, null);
            if (log.insert(delivery)) {
                queued++;
            }
        }
        if (queued > 0) {
            events.publishEvent(new Queued(queued));
        }
        return queued;
    }
}
