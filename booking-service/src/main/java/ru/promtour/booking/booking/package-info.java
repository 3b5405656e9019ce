/** The booking aggregate and its lifecycle transitions, its store, and the one way every use case changes a booking. */
package ru.promtour.booking.booking;
