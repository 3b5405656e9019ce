package ru.promtour.booking.booking.manifest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.config.BookingProperties;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Visitor manifests for the enterprise's security desk: every confirmed or approval-pending group of a slot,
 * its visitors with the documents the program requires, and whether the list is complete by the deadline
 * ({@code manifestLeadDays} before the start, in the enterprise's zone). Also warns of incomplete lists
 * (ManifestIncomplete, once per booking) and removes visitors' personal data after the visit.
 */
@Service
public class Manifests {

    private final BookingStore store;
    private final BookingChanges bookings;
    private final BookingEvents events;
    private final CatalogProjection projection;
    private final BookingProperties properties;
    private final Clock clock;

    Manifests(BookingStore store, BookingChanges bookings, BookingEvents events, CatalogProjection projection,
                     BookingProperties properties, Clock clock) {
        this.store = store;
        this.bookings = bookings;
        this.events = events;
        this.projection = projection;
        this.properties = properties;
        this.clock = clock;
    }

    /** One slot's manifest. */
    public record Manifest(SlotView slot, Program program, Instant deadline, List<Group> groups) {
    }

    /** One booking on the manifest; {@code complete}: every visitor named with the required document. */
    public record Group(Booking booking, boolean complete) {
    }

    /**
     * The manifest of a slot for its enterprise.
     *
     * @param enterpriseId the caller; null for the admin
     */
    public Manifest of(String enterpriseId, String slotId) {
        SlotView slot = projection.slot(slotId).filter(s -> enterpriseId == null || enterpriseId.equals(s.enterpriseId()))
                .orElseThrow(() -> BookingRefusal.unknownBooking(slotId));
        Program program = projection.excursion(slot.excursionId()).map(e -> e.program())
                .orElseThrow(() -> BookingRefusal.unknownBooking(slotId));
        List<Booking> onSlot = store.find(Query.query(where("slotId").is(slotId)
                        .and("status").in(BookingStatus.CONFIRMED, BookingStatus.PENDING))
                .with(Sort.by("utcCreatedAt")));
        String documents = documents(program);
        List<Group> groups = onSlot.stream()
                .filter(b -> b.status() == BookingStatus.CONFIRMED || b.awaitingApproval())
                .map(b -> new Group(b, complete(b, documents))).toList();
        return new Manifest(slot, program, deadline(slot.start(), slot.timeZone(), program), groups);
    }

    /** ManifestIncomplete for every live group whose deadline is within {@code warnBefore}; once per booking. */
    public int warnIncomplete(int limit) {
        Instant now = clock.instant();
        List<Booking> candidates = store.find(Query.query(where("status").in(BookingStatus.CONFIRMED, BookingStatus.PENDING)
                .and("manifestWarnedAt").exists(false).and("start").gt(now)).with(Sort.by("start")).limit(limit));
        int warned = 0;
        for (Booking candidate : candidates) {
            AtomicBoolean sent = new AtomicBoolean();
            bookings.change(() -> store.byId(candidate.id()).orElse(null), b -> {
                Program p = bookings.program(b);
                Instant deadline = deadline(b.start(), b.timeZone(), p);
                boolean due = (b.status() == BookingStatus.CONFIRMED || b.awaitingApproval())
                        && b.manifestWarnedAt() == null && !now.isBefore(deadline.minus(properties.manifest().warnBefore()))
                        && !complete(b, documents(p));
                sent.set(due);
                if (!due) {
                    return null;
                }
                Booking after = b.manifestWarned(now);
                return new BookingChanges.Change(after, events.manifestIncomplete(after, deadline, now));
            });
            if (sent.get()) {
                warned++;
            }
        }
        return warned;
    }

    /** Removes visitors' personal data of bookings whose visit was more than the retention period ago. */
    public int removePersonalData(int limit) {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(properties.manifest().retentionDays()));
        List<Booking> old = store.find(Query.query(where("start").lt(before).and("personalDataRemovedAt").exists(false))
                .limit(limit));
        for (Booking found : old) {
            bookings.change(() -> store.byId(found.id()).orElse(null),
                    b -> b.personalDataRemovedAt() != null ? null : new BookingChanges.Change(b.personalDataRemoved(clock.instant())));
        }
        return old.size();
    }

    static boolean complete(Booking b, String documents) {
        return b.unitItems().stream().allMatch(i -> i.complete(documents));
    }

    private static String documents(Program p) {
        return p.rules() == null ? "NONE" : p.rules().documents();
    }

    /** {@code manifestLeadDays} calendar days before the start, on the enterprise's wall clock. */
    static Instant deadline(Instant start, String timeZone, Program p) {
        int days = p.rules() == null ? 0 : p.rules().manifestLeadDays();
        return start.atZone(ZoneId.of(timeZone)).minusDays(days).toInstant();
    }
}
