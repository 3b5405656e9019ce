/** The OCTO bookings endpoints (operators) and the enterprise bookings API. */
package ru.promtour.booking.booking.web;
