/** Route bookings: a day of several excursions held on every leg or on none, a saga over ordinary bookings (ADR 0005). */
package ru.promtour.booking.route;
