/** notification-service's part of a booking's story: its messages and webhook deliveries, recipients masked. */
package ru.promtour.notification.story;
