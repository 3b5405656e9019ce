package ru.promtour.notification.webhook;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a webhook is told about, by its OCTO name. */
public enum WebhookEvent {

    /** Any lifecycle change of the operator's bookings: confirmed, pending, approved, declined, cancelled, expired, updated, a waitlist offer. */
    BOOKING_UPDATE("booking_update"),
    /** The availability of a slot of a product the operator chose changed (seats, status). */
    AVAILABILITY_UPDATE("availability_update");

    private final String octoName;

    WebhookEvent(String octoName) {
        this.octoName = octoName;
    }

    @JsonValue
    public String octoName() {
        return octoName;
    }

    public static Optional<WebhookEvent> of(String octoName) {
        return Arrays.stream(values()).filter(e -> e.octoName.equals(octoName)).findFirst();
    }
}
