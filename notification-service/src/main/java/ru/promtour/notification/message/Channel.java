package ru.promtour.notification.message;

/** How a message travels. */
public enum Channel {
    EMAIL, SMS
}
