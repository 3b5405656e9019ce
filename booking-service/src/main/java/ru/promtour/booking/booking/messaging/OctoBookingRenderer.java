package ru.promtour.booking.booking.messaging;

import ru.promtour.booking.booking.Booking;

/**
 * Renders a booking exactly as {@code GET /octo/bookings/{uuid}} shows it to its operator, for the lifecycle events'
 * {@code octoBooking} (the operator's webhooks deliver it unchanged). Implemented by the OCTO web layer, which
 * already depends on this package: the interface lives here so the dependency points one way (no package cycle).
 */
public interface OctoBookingRenderer {

    /** The OCTO {@code Booking} of {@code booking} as it stands after the change; serialized as it is. */
    Object octoBooking(Booking booking);
}
