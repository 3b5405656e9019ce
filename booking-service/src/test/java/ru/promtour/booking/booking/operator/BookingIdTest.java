package ru.promtour.booking.booking.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The booking id is derived from operator id and OCTO uuid, and that derivation is a contract: notification-service
 * turns an operator's uuid into the booking id the same way ({@code Bookings.octoBookingId}, pinned to the same value
 * in its {@code OctoBookingIdTest}) so an operator can read its delivery log by the uuid it holds.
 */
class BookingIdTest {

    @Test
    void theBookingIdIsANameBasedUuidOfOperatorIdAndUuid() {
        assertThat(OperatorBookings.bookingId("op-3b9e", "6f1c2a4e-8d1b-4c7e-9a51-2b7d0e3f9a10"))
                .isEqualTo("b290ed35-6864-3d31-8755-6980812ebb1f");
    }
}
