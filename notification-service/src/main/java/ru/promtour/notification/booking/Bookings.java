package ru.promtour.notification.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import ru.promtour.notification.event.BookingApproved;
import ru.promtour.notification.event.BookingCancelled;
import ru.promtour.notification.event.BookingConfirmed;
import ru.promtour.notification.event.BookingDeclined;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.BookingExpired;
import ru.promtour.notification.event.BookingPendingApproval;
import ru.promtour.notification.event.WaitlistOffered;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The booking projection: one upsert per event, guarded by the event time, so a redelivered or late
 * older event never overwrites a newer state (events of a booking are ordered by its slot's partition
 * anyway; the guard covers replays).
 */
@Component
public class Bookings implements SmartInitializingSingleton {

    private final MongoOperations mongo;
    private final ReminderTimes times;

    public Bookings(MongoOperations mongo, ReminderTimes times) {
        this.mongo = mongo;
        this.times = times;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(BookingView.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("dayBeforeAt", Sort.Direction.ASC).named("day_before_due"));
        mongo.indexOps(BookingView.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("manifestReminderAt", Sort.Direction.ASC).named("manifest_due"));
    }

    /** Applies one event; an event older than the stored state changes nothing. */
    public void apply(BookingEvent event, Instant eventTime) {
        Update update = new Update()
                .set("operatorId", event.visit().operator() == null ? null : event.visit().operator().id())
                .set("enterpriseId", event.visit().enterprise().id())
                .set("visit", event.visit())
                .set("start", event.visit().start())
                .set("lastEventAt", eventTime)
                .set("dayBeforeAt", times.dayBefore(event.visit()))
                .set("manifestDeadline", times.manifestDeadline(event.visit()))
                .set("manifestReminderAt", times.manifestReminder(event.visit()))
                .setOnInsert("dayBeforeDone", false)
                .setOnInsert("manifestReminderDone", false);
        BookingStatus status = statusAfter(event);
        if (status != null) {
            update.set("status", status);
        }
        else {
            // BookingUpdated and ManifestIncomplete happen to confirmed bookings
            update.setOnInsert("status", BookingStatus.CONFIRMED);
        }
        if (event instanceof BookingConfirmed || event instanceof BookingApproved) {
            update.set("activatedAt", eventTime);
        }
        Criteria notNewer = new Criteria().orOperator(where("lastEventAt").lte(eventTime), where("lastEventAt").exists(false));
        try {
            mongo.upsert(query(where("_id").is(event.bookingId()).andOperator(notNewer)), update, BookingView.class);
        }
        catch (DuplicateKeyException ex) {
            // the booking exists with a newer event: this one is stale
        }
    }

    public Optional<BookingView> find(String bookingId) {
        return Optional.ofNullable(mongo.findById(bookingId, BookingView.class));
    }

    /**
     * The booking id booking-service gives an operator's booking: a name-based UUID (v3) of the operator id and the
     * OCTO {@code uuid} the operator chose, so a reserve replayed with the same uuid finds the same booking (its
     * {@code OperatorBookings.bookingId}). The events carry only the booking id; this lets an operator, who holds the
     * uuid, look its booking up without it.
     */
    public static String octoBookingId(String operatorId, String uuid) {
        return UUID.nameUUIDFromBytes((operatorId + "\n" + uuid).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Confirmed bookings whose day-before reminder is due and whose visit has not started. */
    public List<BookingView> dayBeforeDue(Instant now, int limit) {
        return mongo.find(query(where("status").is(BookingStatus.CONFIRMED).and("dayBeforeDone").is(false)
                .and("dayBeforeAt").lte(now).and("start").gt(now)).limit(limit), BookingView.class);
    }

    /** Confirmed bookings of secure sites whose manifest reminder is due before the deadline. */
    public List<BookingView> manifestReminderDue(Instant now, int limit) {
        return mongo.find(query(where("status").is(BookingStatus.CONFIRMED).and("manifestReminderDone").is(false)
                .and("manifestReminderAt").lte(now).and("manifestDeadline").gt(now)).limit(limit), BookingView.class);
    }

    public void markDayBeforeDone(String bookingId) {
        mongo.updateFirst(query(where("_id").is(bookingId)), new Update().set("dayBeforeDone", true), BookingView.class);
    }

    public void markManifestReminderDone(String bookingId) {
        mongo.updateFirst(query(where("_id").is(bookingId)), new Update().set("manifestReminderDone", true), BookingView.class);
    }

    static BookingStatus statusAfter(BookingEvent event) {
        if (event instanceof BookingConfirmed || event instanceof BookingApproved) {
            return BookingStatus.CONFIRMED;
        }
        if (event instanceof BookingPendingApproval) {
            return BookingStatus.PENDING_APPROVAL;
        }
        if (event instanceof BookingCancelled) {
            return BookingStatus.CANCELLED;
        }
        if (event instanceof BookingDeclined) {
            return BookingStatus.DECLINED;
        }
        if (event instanceof BookingExpired) {
            return BookingStatus.EXPIRED;
        }
        if (event instanceof WaitlistOffered) {
            return BookingStatus.ON_HOLD;
        }
        return null;
    }
}
