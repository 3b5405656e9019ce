/** The transactional outbox kept inside each aggregate document, and the relay that publishes it to Kafka. */
package ru.promtour.messaging.outbox;
