/** Consumer-side deduplication: run a handler at most once per event id and consumer. */
package ru.promtour.messaging.consumer;
