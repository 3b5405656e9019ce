package ru.promtour.notification.webhook.web;

import java.util.List;

/**
 * {@code POST /octo/webhooks}.
 *
 * @param url        where deliveries are POSTed: public {@code https} only
 * @param event      {@code booking_update} or {@code availability_update}
 * @param productIds for {@code availability_update}: the products whose availability is sent (required there)
 */
record WebhookRequest(String url, String event, List<String> productIds) {
}
