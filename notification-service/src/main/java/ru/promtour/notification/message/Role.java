package ru.promtour.notification.message;

/** Who the recipient is to the booking. */
public enum Role {
    GROUP_LEADER, OPERATOR, ENTERPRISE
}
