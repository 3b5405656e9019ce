/** The webhooks over HTTP: an operator's subscriptions and delivery log (OCTO errors), the admin's redelivery. */
package ru.promtour.notification.webhook.web;
