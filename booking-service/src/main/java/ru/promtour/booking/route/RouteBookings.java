package ru.promtour.booking.route;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingRefusal.Code;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.Cancellation;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.operator.ConfirmCommand;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.RouteView;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.route.RouteBooking.Status;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The route saga, local to this service (all legs' seats are in its ledgers): the route booking is stored HOLDING
 * with every leg's booking id fixed, then each leg is reserved as an ordinary booking, in order. A refused leg turns
 * the route RELEASING, the legs already held are cancelled (each release exactly once, by its entry) and the route
 * ends FAILED with the refusal, which is also the answer. Every leg held → ON_HOLD, one expiry for all (each leg's
 * hold carries it). Confirm, extend and cancel apply to every leg; the route's state after that, and after anything
 * that happens to a leg on its own (an enterprise's approval or decline, an expiry, a slot cancelled), is derived from
 * its legs ({@link #settle}): one leg lost → the others are released and the route is CANCELLED or EXPIRED.
 * <p>
 * A process that dies mid-saga leaves the route HOLDING or RELEASING: {@code RouteSweeper} finishes it (every leg
 * stored and held) or compensates it after a grace; a leg's hold whose booking was never written is the orphan
 * sweep's, as for any reserve.
 */
@Service
public class RouteBookings {

    private static final Logger log = LoggerFactory.getLogger(RouteBookings.class);
    private static final int MAX_ATTEMPTS = 20;

    private final MongoOperations mongo;
    private final OutboxRelay relay;
    private final CatalogProjection projection;
    private final OperatorBookings bookings;
    private final BookingStore store;
    private final BookingChanges changes;
    private final RouteEvents events;

    RouteBookings(MongoOperations mongo, OutboxRelay relay, CatalogProjection projection, OperatorBookings bookings,
                  BookingStore store, BookingChanges changes, RouteEvents events) {
        this.mongo = mongo;
        this.relay = relay;
        relay.keepHistory(RouteBooking.COLLECTION, Booking.HISTORY_LIMIT);
        this.projection = projection;
        this.bookings = bookings;
        this.store = store;
        this.changes = changes;
        this.events = events;
    }

    /** Whether the product id names a route (a route's OCTO product). */
    public boolean isRoute(String productId) {
        return projection.route(productId).isPresent();
    }

    /** Reserve the route: every leg held, or none (the refusal names the leg and why). */
    public RouteBooking reserve(Booking.Operator operator, ReserveCommand command) {
        RouteView route = projection.route(command.productId()).filter(r -> r.bookableBy(operator.id()))
                .orElseThrow(() -> new BookingRefusal(Code.INVALID_PRODUCT_ID, "The productId was missing or invalid",
                        command.productId()));
        if (!Booking.OPTION_ID.equals(command.optionId())) {
            throw new BookingRefusal(Code.INVALID_OPTION_ID, "The optionId was missing or invalid (the only option is "
                    + Booking.OPTION_ID + ")", command.optionId());
        }
        if (command.joinsWaitlist()) {
            throw BookingRefusal.badRequest("A route has no waitlist; join the waitlist of a leg's own product instead");
        }
        if (command.unitItems() == null || command.unitItems().isEmpty()) {
            throw BookingRefusal.unprocessable("unitItems must name at least one unit");
        }
        String uuid = command.uuid() == null || command.uuid().isBlank() ? UUID.randomUUID().toString() : command.uuid();
        List<SlotView> chain = chain(route, command.availabilityId());
        String id = OperatorBookings.bookingId(operator.id(), uuid);
        String hash = bookings.requestHash(command);
        Optional<RouteBooking> stored = find(id);
        if (stored.isPresent()) {
            return replay(stored.get(), hash);
        }
        Instant now = changes.now();
        List<RouteBooking.Leg> legs = new ArrayList<>();
        for (int i = 0; i < route.legs().size(); i++) {
            // fixed before the first step: a repeated step reserves the same leg (its uuid) and releases the same entry
            String legUuid = UUID.nameUUIDFromBytes((id + "#" + (i + 1)).getBytes(StandardCharsets.UTF_8)).toString();
            legs.add(new RouteBooking.Leg(i + 1, route.legs().get(i).excursionId(), chain.get(i).id(), legUuid,
                    OperatorBookings.bookingId(operator.id(), legUuid)));
        }
        String localDate = chain.get(0).start().atZone(ZoneId.of(chain.get(0).timeZone())).toLocalDate().toString();
        RouteBooking holding = new RouteBooking(id, uuid, operator.id(), route.id(), route.title(), route.region(),
                command.availabilityId(), localDate, command.unitItems().size(), legs, Status.HOLDING, hash,
                "R-" + id.substring(0, 8).toUpperCase(Locale.ROOT), null, now, now, null, null, 0);
        try {
            Outbox.insert(mongo, RouteBooking.COLLECTION, holding);
        }
        catch (DuplicateKeyException ex) {
            return replay(find(id).orElseThrow(), hash);
        }
        Instant expiresAt = null;
        for (RouteBooking.Leg leg : legs) {
            ReserveCommand legCommand = new ReserveCommand(leg.uuid(), leg.excursionId(), Booking.OPTION_ID, leg.slotId(),
                    command.expirationMinutes(), command.notes(), command.unitItems(), command.resellerReference(),
                    command.contact(), null);
            Booking held;
            try {
                held = bookings.reserveLeg(operator, legCommand, id);
            }
            catch (BookingRefusal | Overloaded ex) {
                String why = "leg " + leg.position() + " (" + leg.slotId() + "): " + ex.getMessage();
                compensate(id, "The route could not be held: " + why);
                if (ex instanceof Overloaded overloaded) {
                    throw overloaded;
                }
                throw BookingRefusal.seatsRefused(((BookingRefusal) ex).reason(),
                        "The route could not be held on every leg, so no leg is held: " + why);
            }
            expiresAt = expiresAt == null || (held.utcExpiresAt() != null && held.utcExpiresAt().isBefore(expiresAt))
                    ? held.utcExpiresAt() : expiresAt;
        }
        Instant until = expiresAt;
        return transition(id, r -> r.status() == Status.HOLDING ? r.with(Status.ON_HOLD, changes.now(), until, null, null) : null,
                null).orElseThrow();
    }

    /** The same request again gets the stored route booking (a failed one its refusal); another body is refused. */
    private RouteBooking replay(RouteBooking stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw BookingRefusal.badRequest("The uuid " + stored.uuid() + " was already used for a different "
                    + "reservation; use a new uuid for a new booking (OCTO has no dedicated error code for this)");
        }
        if (stored.status() == Status.FAILED) {
            throw BookingRefusal.unprocessable(stored.failure());
        }
        return stored;
    }

    /** Cancels every leg that holds or owns seats, then FAILED: the saga's compensation (repeatable). */
    void compensate(String id, String failure) {
        RouteBooking r = transition(id, cur -> cur.status() == Status.HOLDING
                ? cur.with(Status.RELEASING, changes.now(), null, null, failure) : null, null).orElse(null);
        if (r == null || r.status() != Status.RELEASING) {
            return;
        }
        releaseLegsAndFail(r);
        log.info("Route booking {} failed and released its legs: {}", id, failure);
    }

    /** RELEASING → every leg that holds or owns seats cancelled → FAILED; repeatable (the sweep finishes a cut one). */
    private void releaseLegsAndFail(RouteBooking r) {
        for (RouteBooking.Leg leg : r.legs()) {
            bookings.cancelLeg(leg.bookingId(), "Route not held: " + abbreviate(r.failure()), Cancellation.OPERATOR);
        }
        transition(r.id(), cur -> cur.status() == Status.RELEASING ? cur.with(Status.FAILED, changes.now(), null, null,
                cur.failure()) : null, null);
    }

    public RouteBooking get(String operatorId, String uuid) {
        return owned(operatorId, uuid);
    }

    /** The legs' bookings in order (a leg never stored is absent: only while the saga runs or after it failed). */
    public List<Booking> legs(RouteBooking r) {
        List<Booking> legs = new ArrayList<>();
        for (RouteBooking.Leg leg : r.legs()) {
            store.byId(leg.bookingId()).ifPresent(legs::add);
        }
        return legs;
    }

    /** Confirm every leg with the group's contact: CONFIRMED, or PENDING while an on-request leg awaits approval. */
    public RouteBooking confirm(String operatorId, String uuid, ConfirmCommand command) {
        RouteBooking r = owned(operatorId, uuid);
        if (r.status() == Status.CONFIRMED || r.status() == Status.PENDING) {
            return r;
        }
        if (r.status() != Status.ON_HOLD) {
            throw BookingRefusal.unprocessable("Cannot confirm a route booking that is " + r.status());
        }
        try {
            for (RouteBooking.Leg leg : r.legs()) {
                bookings.confirm(operatorId, leg.uuid(), command);
            }
        }
        finally {
            settle(r.id());
        }
        return find(r.id()).orElseThrow();
    }

    /** Extend every leg's hold alike. */
    public RouteBooking extend(String operatorId, String uuid, Integer expirationMinutes) {
        RouteBooking r = owned(operatorId, uuid);
        if (r.status() != Status.ON_HOLD) {
            throw BookingRefusal.unprocessable("Cannot extend a route booking that is " + r.status());
        }
        Instant until = null;
        for (RouteBooking.Leg leg : r.legs()) {
            until = bookings.extend(operatorId, leg.uuid(), expirationMinutes).utcExpiresAt();
        }
        Instant expiresAt = until;
        return transition(r.id(), cur -> cur.status() == Status.ON_HOLD
                ? cur.with(Status.ON_HOLD, changes.now(), expiresAt, null, null) : null, null).orElseThrow();
    }

    /** The operator cancels the route: every leg, or none when one of them is past its cancellation cut-off. */
    public RouteBooking cancel(String operatorId, String uuid, String reason) {
        RouteBooking r = owned(operatorId, uuid);
        if (r.status() == Status.CANCELLED) {
            return r;
        }
        if (!r.status().live()) {
            throw BookingRefusal.unprocessable("A route booking that is " + r.status() + " cannot be cancelled");
        }
        for (Booking leg : legs(r)) {
            if (leg.status().live() && !bookings.cancellable(leg)) {
                throw BookingRefusal.unprocessable("The cancellation cut-off of leg " + leg.productId() + " ("
                        + leg.supplierReference() + ") passed; the route cannot be cancelled as a whole");
            }
        }
        String why = reason == null || reason.isBlank() ? "Route cancelled" : reason;
        for (RouteBooking.Leg leg : r.legs()) {
            bookings.cancelLeg(leg.bookingId(), why, Cancellation.OPERATOR);
        }
        return settle(r.id()).orElseThrow();
    }

    /**
     * Derives the route's state from its legs and makes it true: a leg lost (declined, expired, cancelled) → the other
     * legs are released and the route is CANCELLED (cause DECLINED / SLOT_CANCELLED / CANCELLED) or EXPIRED; every leg
     * sold → CONFIRMED; a leg awaiting approval → PENDING. Idempotent: each transition is written once with its event.
     */
    public Optional<RouteBooking> settle(String id) {
        Optional<RouteBooking> read = find(id);
        if (read.isEmpty() || !read.get().status().live()) {
            return read;
        }
        RouteBooking r = read.get();
        List<Booking> legs = legs(r);
        if (legs.size() != r.legs().size()) {
            return read;
        }
        Optional<Booking> lost = legs.stream().filter(b -> !b.status().live()).findFirst();
        Instant now = changes.now();
        if (lost.isPresent()) {
            Booking first = lost.get();
            String cause = switch (first.status()) {
                case EXPIRED -> "EXPIRED";
                case REJECTED -> "DECLINED";
                default -> first.cancellation() != null && Cancellation.SUPPLIER.equals(first.cancellation().cancelledBy())
                        ? "SLOT_CANCELLED" : "CANCELLED";
            };
            String reason = first.status() == BookingStatus.REJECTED ? first.declineReason()
                    : first.cancellation() == null ? null : first.cancellation().reason();
            Status to = "EXPIRED".equals(cause) ? Status.EXPIRED : Status.CANCELLED;
            for (Booking leg : legs) {
                if (leg.status().live()) {
                    bookings.cancelLeg(leg.id(), "Another visit of the route is off (" + cause.toLowerCase(Locale.ROOT)
                            + ")", "DECLINED".equals(cause) || "SLOT_CANCELLED".equals(cause) ? Cancellation.SUPPLIER
                            : Cancellation.OPERATOR);
                }
            }
            List<Booking> after = legs(r);
            return transition(id, cur -> cur.status().live() ? cur.with(to, now, null, cur.utcConfirmedAt(), null) : null,
                    cur -> events.cancelled(cur, after, cause, reason, now));
        }
        if (legs.stream().allMatch(b -> b.status() == BookingStatus.CONFIRMED)) {
            return transition(id, cur -> cur.status() != Status.CONFIRMED && cur.status().live()
                    ? cur.with(Status.CONFIRMED, now, null, now, null) : null, cur -> events.confirmed(cur, legs, now));
        }
        if (legs.stream().anyMatch(b -> b.status() == BookingStatus.PENDING)
                && legs.stream().noneMatch(b -> b.status() == BookingStatus.ON_HOLD)) {
            return transition(id, cur -> cur.status() == Status.ON_HOLD
                    ? cur.with(Status.PENDING, now, null, null, null) : null, null);
        }
        return read;
    }

    /**
     * The sweep of routes the saga left in flight past {@code grace}: every leg stored and held → ON_HOLD; otherwise
     * the held legs are released (FAILED). Held routes whose legs changed without their event reaching {@link #settle}
     * are settled too. Returns how many routes it moved.
     */
    public int sweep(Duration grace) {
        Instant now = changes.now();
        int moved = 0;
        List<RouteBooking> stuck = mongo.find(Query.query(where("status").in(Status.HOLDING, Status.RELEASING)
                .and("utcUpdatedAt").lt(now.minus(grace))).limit(200), RouteBooking.class);
        for (RouteBooking r : stuck) {
            List<Booking> legs = legs(r);
            boolean allHeld = r.status() == Status.HOLDING && legs.size() == r.legs().size()
                    && legs.stream().allMatch(b -> b.status() == BookingStatus.ON_HOLD);
            if (allHeld) {
                Instant until = legs.stream().map(Booking::utcExpiresAt).min(Instant::compareTo).orElse(null);
                transition(r.id(), cur -> cur.status() == Status.HOLDING ? cur.with(Status.ON_HOLD, now, until, null, null)
                        : null, null);
            }
            else if (r.status() == Status.HOLDING) {
                compensate(r.id(), "The route could not be held: its reservation was interrupted");
            }
            else {
                releaseLegsAndFail(r); // RELEASING: the compensation died half way
            }
            moved++;
        }
        for (RouteBooking r : mongo.find(Query.query(where("status").is(Status.ON_HOLD).and("utcExpiresAt").lte(now))
                .limit(200), RouteBooking.class)) {
            settle(r.id());
            moved++;
        }
        return moved;
    }

    /** Reads, decides, writes with the version guard (and the decision's event, if any); again when another write won. */
    private Optional<RouteBooking> transition(String id, UnaryOperator<RouteBooking> decide,
                                              Function<RouteBooking, OutboxEvent> event) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<RouteBooking> read = find(id);
            if (read.isEmpty()) {
                return read;
            }
            RouteBooking before = read.get();
            RouteBooking after = decide.apply(before);
            if (after == null) {
                return read;
            }
            Update update = new Update().set("status", after.status()).set("utcUpdatedAt", after.utcUpdatedAt())
                    .set("utcExpiresAt", after.utcExpiresAt()).set("utcConfirmedAt", after.utcConfirmedAt())
                    .set("failure", after.failure()).inc("version", 1);
            OutboxEvent e = event == null ? null : event.apply(after);
            if (e != null) {
                Outbox.append(update, e);
            }
            if (mongo.updateFirst(Query.query(where("_id").is(id).and("version").is(before.version())), update,
                    RouteBooking.COLLECTION).getModifiedCount() == 1) {
                if (e != null) {
                    relay.publishPending(RouteBooking.COLLECTION, id);
                }
                return find(id);
            }
        }
        throw new IllegalStateException("Route booking " + id + " changed too often");
    }

    /**
     * The chain of slots the availability id names, checked against the route as the catalog's availability builds it:
     * one slot per leg, of the leg's program, one local date, each start inside its leg's window and no sooner than
     * the previous leg's end plus the transfer.
     */
    private List<SlotView> chain(RouteView route, String availabilityId) {
        String[] ids = availabilityId == null ? new String[0] : availabilityId.split("~", -1);
        if (ids.length != route.legs().size()) {
            throw invalidAvailability(availabilityId, "a route availability names one slot per leg (" + route.legs().size()
                    + "), joined with ~");
        }
        List<SlotView> chain = new ArrayList<>();
        ZonedDateTime previousEnd = null;
        LocalDate date = null;
        for (int i = 0; i < ids.length; i++) {
            RouteView.Leg leg = route.legs().get(i);
            SlotView slot = projection.slot(ids[i]).filter(s -> leg.excursionId().equals(s.excursionId()))
                    .orElseThrow(() -> invalidAvailability(availabilityId, "no slot of leg " + leg.position() + "'s program"));
            ZonedDateTime start = slot.start().atZone(ZoneId.of(slot.timeZone()));
            date = date == null ? start.toLocalDate() : date;
            LocalTime time = start.toLocalTime();
            if (!start.toLocalDate().equals(date) || time.isBefore(time(leg.earliestLocalTime()))
                    || time.isAfter(time(leg.latestLocalTime()))
                    || (previousEnd != null && start.isBefore(previousEnd.plusMinutes(leg.transferMinutes())))) {
                throw invalidAvailability(availabilityId, "leg " + leg.position() + "'s slot does not fit the route's "
                        + "windows and transfers on one date");
            }
            int duration = projection.excursion(leg.excursionId()).map(ExcursionView::program).map(p -> p.durationMinutes())
                    .filter(d -> d > 0).orElse(Math.max(1, leg.durationMinutes()));
            previousEnd = start.plusMinutes(duration);
            chain.add(slot);
        }
        return chain;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        }
        catch (DateTimeParseException | NullPointerException ex) {
            throw new IllegalStateException("Route leg time " + text + " is not HH:mm");
        }
    }

    private static BookingRefusal invalidAvailability(String availabilityId, String why) {
        return new BookingRefusal(Code.INVALID_AVAILABILITY_ID, "The availabilityId was missing or invalid: " + why,
                availabilityId);
    }

    private RouteBooking owned(String operatorId, String uuid) {
        return Optional.ofNullable(uuid).flatMap(u -> find(OperatorBookings.bookingId(operatorId, u)))
                .filter(r -> r.operatorId().equals(operatorId))
                .orElseThrow(() -> BookingRefusal.unknownBooking(uuid));
    }

    private Optional<RouteBooking> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RouteBooking.class));
    }


    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
