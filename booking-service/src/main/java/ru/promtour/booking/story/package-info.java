/** A booking's story for the admin: its state, the events sent about it, its seat ledger entry, with their trace ids. */
package ru.promtour.booking.story;
