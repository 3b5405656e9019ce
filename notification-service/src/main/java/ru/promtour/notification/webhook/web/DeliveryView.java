package ru.promtour.notification.webhook.web;

import java.time.Instant;
import java.util.List;

import ru.promtour.notification.webhook.Delivery;
import ru.promtour.notification.webhook.DeliveryStatus;
import ru.promtour.notification.webhook.WebhookEvent;

/** One delivery in the log: its attempts (time, HTTP status or error, duration, next attempt), no body. */
record DeliveryView(String id, String webhookId, WebhookEvent event, String eventId, DeliveryStatus status,
                    int attemptCount, Instant nextAttemptAt, String lastError, int redeliveries, Instant createdAt,
                    Instant deliveredAt, List<Delivery.Attempt> attempts) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.webhookId(), d.event(), d.eventId(), d.status(), d.attemptCount(),
                d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastError(), d.redeliveries(),
                d.createdAt(), d.deliveredAt(), d.attempts());
    }
}
