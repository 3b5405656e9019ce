/** Consumes the catalog's excursion and slot events into the projection. */
package ru.promtour.booking.catalog.messaging;
