package ru.promtour.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An operator's subscription. The signing secret is stored encrypted ({@link WebhookSecrets}): HMAC needs the secret
 * itself, so it cannot be hashed, but it is shown once, when registered, and never again.
 *
 * @param productIds     for {@code availability_update}: the products whose availability is sent (required there)
 * @param secretCipher   the signing secret, AES-GCM encrypted, base64
 */
@Document(Webhook.COLLECTION)
public record Webhook(@Id String id, String operatorId, WebhookEvent event, String url, List<String> productIds,
                      String secretCipher, Instant createdAt) {

    public static final String COLLECTION = "webhooks";
}
