package ru.promtour.notification.message;

/** Published after new messages were queued, so the dispatcher sends them now instead of at its next poll. */
public record MessagesQueued(int count) {
}
