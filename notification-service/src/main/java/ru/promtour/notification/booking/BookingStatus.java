package ru.promtour.notification.booking;

/** A booking's status as far as messages care: only CONFIRMED bookings get reminders. */
public enum BookingStatus {
    PENDING_APPROVAL, CONFIRMED, DECLINED, CANCELLED, EXPIRED
}
