/** Slots of an excursion: their start, the capacity and status the enterprise wants, and their seat counts as the ledger reports them. */
package ru.promtour.catalog.slot;
