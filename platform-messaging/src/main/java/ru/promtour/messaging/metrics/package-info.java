/** Gauges of the backbone polled in the background: outbox backlog and age, consumer lag, dead letters. */
package ru.promtour.messaging.metrics;
