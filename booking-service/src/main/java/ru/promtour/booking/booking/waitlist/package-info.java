/** The waitlist of a sold-out slot: FIFO entries that get seats as timed offers when seats come back (ADR 0005). */
package ru.promtour.booking.booking.waitlist;
