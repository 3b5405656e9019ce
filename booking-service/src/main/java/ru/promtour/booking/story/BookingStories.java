package ru.promtour.booking.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.messaging.outbox.OutboxTracing;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.route.RouteBooking;
import ru.promtour.messaging.outbox.Outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Assembles a booking's story from the documents this service owns: the booking (its state, the events its outbox
 * sent — {@value #HISTORY}, kept by the relay — and those still pending), its slot's ledger (its entry there and the
 * seat events about it) and the route booking it is a leg of. Read-only; the documents are read raw because the
 * history is not part of the aggregates.
 */
@Service
public class BookingStories {

    /** The relay's record of the last events it sent from a document (newest last). */
    static final String HISTORY = "outboxHistory";

    /** The human reference ({@code PT-} + 6 Crockford base32 characters) printed in messages. */
    private static final Pattern REFERENCE = Pattern.compile("^PT-[0-9A-HJKMNP-TV-Z]{6}$");
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** W3C traceparent: version, 32 hex trace id, 16 hex parent id, flags. */

    /** The identifier is neither a booking id, an OCTO uuid nor a supplier reference. */
    public static class MalformedId extends RuntimeException {
        MalformedId(String message) {
            super(message);
        }
    }

    /** An OCTO uuid two operators happened to use: the booking id says which. */
    public static class AmbiguousUuid extends RuntimeException {
        AmbiguousUuid(String message) {
            super(message);
        }
    }

    private final MongoOperations mongo;

    public BookingStories(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * The story of the booking with this id (a UUID), OCTO uuid or supplier reference ({@code PT-…}); empty when no
     * booking has it.
     *
     * @throws MalformedId    when it is none of the three shapes
     * @throws AmbiguousUuid  when the uuid names bookings of several operators
     */
    public Optional<BookingStory> of(String bookingIdOrUuid) {
        return find(bookingIdOrUuid).map(this::story);
    }

    private Optional<Document> find(String key) {
        String value = key == null ? "" : key.strip();
        String upper = value.toUpperCase(Locale.ROOT);
        if (REFERENCE.matcher(upper).matches()) {
            return one(Query.query(where("supplierReference").is(upper)));
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new MalformedId("'" + abbreviate(value) + "' is neither a booking id or OCTO uuid (a UUID) nor a "
                    + "supplier reference (PT- and 6 characters)");
        }
        String uuid = UUID.fromString(value).toString();
        Optional<Document> byId = one(Query.query(where("_id").is(uuid)));
        if (byId.isPresent()) {
            return byId;
        }
        // an operator's uuid is unique per operator only: admin-only and rare, so no index of its own
        List<Document> byUuid = mongo.find(Query.query(where("uuid").is(uuid)).limit(2), Document.class, Booking.COLLECTION);
        if (byUuid.size() > 1) {
            throw new AmbiguousUuid("OCTO uuid " + uuid + " names bookings of several operators: ask by booking id");
        }
        return byUuid.stream().findFirst();
    }

    private Optional<Document> one(Query query) {
        return Optional.ofNullable(mongo.findOne(query, Document.class, Booking.COLLECTION));
    }

    private BookingStory story(Document b) {
        String bookingId = b.getString("_id");
        List<StoryEvent> events = new ArrayList<>();
        states(b, events);
        outboxEvents(b, StoryEvent.BOOKING_SERVICE, "event", e -> true, events);

        String slotId = b.getString("slotId");
        BookingStory.Seats seats = null;
        Document ledger = slotId == null ? null : mongo.findOne(Query.query(where("_id").is(slotId)), Document.class,
                Ledger.COLLECTION);
        if (ledger != null) {
            seats = seats(ledger, slotId, bookingId);
            if (seats.at() != null) {
                events.add(new StoryEvent(seats.at(), StoryEvent.LEDGER, "seats", seats.state(),
                        detail("slotId", slotId, "units", seats.units(), "pool", seats.pool()), null));
            }
            // the ledger's events of every booking of the slot: only this booking's (its id is their subject)
            outboxEvents(ledger, StoryEvent.LEDGER, "event", e -> bookingId.equals(e.getString("subject")), events);
        }

        String routeBookingId = b.getString("routeBookingId");
        BookingStory.Route route = null;
        if (routeBookingId != null) {
            Document r = mongo.findOne(Query.query(where("_id").is(routeBookingId)), Document.class, RouteBooking.COLLECTION);
            if (r != null) {
                List<?> legs = r.getList("legs", Object.class);
                route = new BookingStory.Route(routeBookingId, r.getString("status"), r.getString("routeId"),
                        legs == null ? 0 : legs.size());
                outboxEvents(r, StoryEvent.BOOKING_SERVICE, "route-event", e -> true, events);
            }
        }

        events.sort(Comparator.comparing(StoryEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> traceIds = events.stream().map(StoryEvent::traceId).filter(Objects::nonNull).distinct().toList();

        Document cancellation = b.get("cancellation", Document.class);
        Document waitlist = b.get("waitlist", Document.class);
        return new BookingStory(bookingId, b.getString("uuid"), b.getString("supplierReference"), b.getString("status"),
                b.getString("operatorId"), b.getString("enterpriseId"), slotId, b.getString("productId"),
                intOf(b.get("units")), instant(b.get("start")), instant(b.get("utcCreatedAt")),
                instant(b.get("utcUpdatedAt")), instant(b.get("heldAt")), instant(b.get("utcExpiresAt")),
                instant(b.get("utcConfirmedAt")),
                cancellation == null ? null : new BookingStory.Cancelled(instant(cancellation.get("utcCancelledAt")),
                        cancellation.getString("cancelledBy")),
                waitlist == null ? null : new BookingStory.Waitlist(instant(waitlist.get("joinedAt")),
                        instant(waitlist.get("offeredAt")), instant(waitlist.get("offerExpiresAt"))),
                routeBookingId, route, seats, traceIds, List.copyOf(events));
    }

    /** The transitions the booking document itself dates (a reserve sends no booking event: its hold is dated here). */
    private static void states(Document b, List<StoryEvent> events) {
        Document waitlist = b.get("waitlist", Document.class);
        if (waitlist != null) {
            state(events, waitlist.get("joinedAt"), "WAITLISTED");
        }
        state(events, b.get("heldAt"), "ON_HOLD");
        state(events, b.get("utcConfirmedAt"), "CONFIRMED");
        Document cancellation = b.get("cancellation", Document.class);
        if (cancellation != null) {
            state(events, cancellation.get("utcCancelledAt"), "CANCELLED");
        }
        Document noShow = b.get("noShow", Document.class);
        state(events, noShow == null ? null : noShow.get("markedAt"), "NO_SHOW"); // still CONFIRMED: the mark dates it
        String status = b.getString("status");
        if (status != null && !List.of("WAITLISTED", "ON_HOLD", "CONFIRMED", "CANCELLED").contains(status)) {
            state(events, b.get("utcUpdatedAt"), status); // PENDING, EXPIRED, REJECTED: dated by the last update
        }
    }

    private static void state(List<StoryEvent> events, Object at, String status) {
        if (at instanceof Date date) {
            events.add(new StoryEvent(date.toInstant(), StoryEvent.BOOKING_SERVICE, "state", status, null, null));
        }
    }

    /** The events a document's relay sent (its history) and those still waiting in its outbox. */
    private static void outboxEvents(Document doc, String source, String kind, Predicate<Document> about,
                                     List<StoryEvent> events) {
        for (Document sent : documents(doc.get(HISTORY))) {
            if (about.test(sent)) {
                events.add(new StoryEvent(instant(sent.get("time")), source, kind, sent.getString("type"),
                        detail("topic", sent.getString("topic"), "eventId", idOf(sent), "sentAt", instant(sent.get("sentAt"))),
                        OutboxTracing.traceId(sent.getString("traceparent"))));
            }
        }
        for (Document pending : documents(doc.get(Outbox.FIELD))) {
            if (about.test(pending)) {
                events.add(new StoryEvent(instant(pending.get("time")), source, kind, pending.getString("type"),
                        detail("topic", pending.getString("topic"), "eventId", idOf(pending), "pending", true),
                        OutboxTracing.traceId(pending.getString("traceparent"))));
            }
        }
    }

    /** The booking's entry on its slot's ledger: held, sold, recently released, or none. */
    private static BookingStory.Seats seats(Document ledger, String slotId, String bookingId) {
        for (String array : List.of("holds", "sold")) {
            for (Document entry : documents(ledger.get(array))) {
                if (bookingId.equals(entry.getString("bookingId"))) {
                    return new BookingStory.Seats(slotId, array.equals("holds") ? "HELD" : "SOLD",
                            intOf(entry.get("units")), instant(entry.get("at")), entry.getString("pool"));
                }
            }
        }
        List<?> released = ledger.getList("released", Object.class);
        boolean wasReleased = released != null && released.contains(bookingId);
        return new BookingStory.Seats(slotId, wasReleased ? "RELEASED" : "NONE", null, null, null);
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }

    private static List<Document> documents(Object value) {
        List<Document> docs = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(docs::add);
        }
        return docs;
    }

    private static String idOf(Document d) {
        Object id = d.get("_id");
        return id == null ? null : id.toString();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
