/** The admin's history-booking import endpoint. */
package ru.promtour.booking.booking.history.web;
