package ru.promtour.notification.booking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's OCTO uuid becomes booking-service's booking id as booking-service derives it
 * ({@code OperatorBookings.bookingId}, pinned to the same value in booking-service's {@code BookingIdTest}).
 */
class OctoBookingIdTest {

    @Test
    void theBookingIdOfAnOperatorsUuidIsTheOneBookingServiceGivesIt() {
        assertThat(Bookings.octoBookingId("op-3b9e", "6f1c2a4e-8d1b-4c7e-9a51-2b7d0e3f9a10"))
                .isEqualTo("b290ed35-6864-3d31-8755-6980812ebb1f");
    }
}
