/** The events the projection reads and the Kafka containers that feed each generation. */
package ru.promtour.reporting.projection.messaging;
