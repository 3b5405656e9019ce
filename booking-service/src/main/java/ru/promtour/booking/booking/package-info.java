/** Bookings and their lifecycle: reserve, hold, confirm, approve, update, cancel, expire. */
package ru.promtour.booking.booking;
