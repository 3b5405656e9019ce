/** Kafka and MongoDB health for {@code /actuator/health}. */
package ru.promtour.messaging.health;
