/** The booking events (produced through the outbox) and the consumer of the catalog's seat answers. */
package ru.promtour.booking.booking.messaging;
