/** Reads {@code booking.seats.v1}: the ledger's seat snapshots and its answers to the catalog's slot changes. */
package ru.promtour.catalog.slot.ledger.messaging;
