/** Kafka side of the booking events: the listener and the type registry. */
package ru.promtour.notification.event.messaging;
