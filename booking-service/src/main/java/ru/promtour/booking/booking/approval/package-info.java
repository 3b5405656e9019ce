/** What an enterprise does with the bookings of its slots: list and read them, approve or decline on-request groups. */
package ru.promtour.booking.booking.approval;
