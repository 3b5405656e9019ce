package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * {@code booking.WaitlistOffered.v1}: seats came back on a sold-out slot and the operator's waitlisted booking holds
 * them until {@code offerExpiresAt}. Only the operator is told (email and its {@code booking_update} webhooks): the
 * group leader has not been told anything yet and hears only once the operator confirms.
 *
 * @param position the entry's place in the slot's waitlist when it joined (optional)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitlistOffered(String bookingId, String slotId, String excursionId, String operatorId, int units,
                              Integer position, Instant offeredAt, Instant offerExpiresAt, Visit visit,
                              JsonNode octoBooking) implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return offeredAt;
    }

    /** The operator's OCTO {@code uuid} of the booking (what it confirms with), null when the event has no octoBooking. */
    public String octoUuid() {
        return octoBooking == null || octoBooking.path("uuid").isMissingNode() || octoBooking.path("uuid").isNull()
                ? null : octoBooking.path("uuid").asString();
    }
}
