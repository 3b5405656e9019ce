/** The route saga's progress from its legs' own booking events. */
package ru.promtour.booking.route.messaging;
