package ru.promtour.notification.booking;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.promtour.notification.event.Visit;

/**
 * This service's copy of a booking, built from the lifecycle events: who may read its messages
 * (operator, enterprise) and what the reminders need (status, visit, when to remind, whether done).
 *
 * @param start                the visit's start (top level, for the reminder queries)
 * @param lastEventAt          time of the newest event applied; older redeliveries are ignored
 * @param activatedAt          when it became CONFIRMED (confirmation or approval)
 * @param dayBeforeAt          10:00 enterprise-local on the day before the visit
 * @param manifestDeadline     the manifest deadline (secure sites only)
 * @param manifestReminderAt   when the operator is reminded of an incomplete manifest (secure sites only)
 */
@Document(BookingView.COLLECTION)
public record BookingView(@Id String id, String operatorId, String enterpriseId, BookingStatus status, Visit visit,
                          Instant start,
                          Instant lastEventAt, Instant activatedAt, Instant dayBeforeAt, boolean dayBeforeDone,
                          Instant manifestDeadline, Instant manifestReminderAt, boolean manifestReminderDone) {

    public static final String COLLECTION = "bookings";
}
