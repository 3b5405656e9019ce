package ru.promtour.notification.webhook.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * {@code catalog.AvailabilityChanged.v1} (topic {@code catalog.availability.v1}, key = slot id): a slot's OCTO
 * availability after a change, delivered unchanged to the availability webhooks of the product.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AvailabilityChanged(String slotId, String productId, String optionId, long ledgerVersion,
                                  JsonNode availability) {
}
