/** What a tour operator does over OCTO: reserve, confirm, extend, update, cancel and look up its bookings. */
package ru.promtour.booking.booking.operator;
