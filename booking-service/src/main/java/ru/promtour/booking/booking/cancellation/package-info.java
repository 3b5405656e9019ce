/** A slot the enterprise cancelled cancels every live booking on it, as the supplier. */
package ru.promtour.booking.booking.cancellation;
