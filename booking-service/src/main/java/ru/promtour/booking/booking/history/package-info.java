/** Imports last seasons' bookings of a previous registry as ordinary bookings and events (admin only, issue 18). */
package ru.promtour.booking.booking.history;
