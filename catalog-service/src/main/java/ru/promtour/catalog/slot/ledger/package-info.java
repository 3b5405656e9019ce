/** The catalog's side of booking-service's seat ledger: the seat counts it shows, and the slot changes it asks the ledger for. */
package ru.promtour.catalog.slot.ledger;
