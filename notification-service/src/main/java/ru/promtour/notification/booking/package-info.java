/** This service's projection of bookings and route bookings: who owns them, their status and when reminders are due. */
package ru.promtour.notification.booking;
