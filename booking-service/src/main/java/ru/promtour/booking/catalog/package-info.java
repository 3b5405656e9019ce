/** Read-only projection of the catalog's excursions and slots that reservations are validated against. */
package ru.promtour.booking.catalog;
