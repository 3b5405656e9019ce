/** Sending queued messages: the dispatcher, its backoff and per-channel metrics. */
package ru.promtour.notification.delivery;
