package ru.promtour.notification.webhook.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.promtour.notification.webhook.Webhook;
import ru.promtour.notification.webhook.WebhookEvent;

/** A webhook as its operator sees it; {@code secret} only in the answer that registered it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookView(String id, WebhookEvent event, String url, List<String> productIds, Instant createdAt, String secret) {

    static WebhookView of(Webhook w) {
        return new WebhookView(w.id(), w.event(), w.url(), w.productIds(), w.createdAt(), null);
    }

    static WebhookView withSecret(Webhook w, String secret) {
        return new WebhookView(w.id(), w.event(), w.url(), w.productIds(), w.createdAt(), secret);
    }
}
