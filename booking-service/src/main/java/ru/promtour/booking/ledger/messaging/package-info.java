/** The seat ledger's events on {@code booking.seats.v1}: what the catalog's availability is read from. */
package ru.promtour.booking.ledger.messaging;
