/** CloudEvents Kafka binary mode: the {@code ce_*} headers, the type registry and the by-type deserializer. */
package ru.promtour.messaging.cloudevents;
