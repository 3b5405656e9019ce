/** Failed records: bounded exponential retry, then the {@code <topic>-dlt} dead-letter topic. */
package ru.promtour.messaging.errors;
