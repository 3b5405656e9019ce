/** Webhooks to operators (OCTO {@code octo/webhooks}): subscriptions, signed deliveries, retries, the delivery log. */
package ru.promtour.notification.webhook;
