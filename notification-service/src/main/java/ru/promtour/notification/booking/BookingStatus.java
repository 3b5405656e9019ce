package ru.promtour.notification.booking;

/**
 * A booking's status as far as messages care: only CONFIRMED bookings get reminders. ON_HOLD is a waitlist offer's
 * hold (issue 16), which the operator still has to confirm.
 */
public enum BookingStatus {
    ON_HOLD, PENDING_APPROVAL, CONFIRMED, DECLINED, CANCELLED, EXPIRED
}
