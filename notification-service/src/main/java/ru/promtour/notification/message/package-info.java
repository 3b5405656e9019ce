/** The delivery log: one message per person and channel, its status machine and its idempotency key. */
package ru.promtour.notification.message;
