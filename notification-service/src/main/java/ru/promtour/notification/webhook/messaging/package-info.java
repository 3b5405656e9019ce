/** Kafka side of the webhooks: booking and availability events become deliveries, once per event. */
package ru.promtour.notification.webhook.messaging;
