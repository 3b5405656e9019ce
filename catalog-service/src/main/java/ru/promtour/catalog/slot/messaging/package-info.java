/** Events a slot publishes through its outbox. */
package ru.promtour.catalog.slot.messaging;
