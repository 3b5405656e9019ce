package ru.promtour.booking.booking.history;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingMode;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.Cancellation;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.UnitItem;
import ru.promtour.booking.booking.history.PastBooking.Outcome;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.booking.operator.ReservationRules;
import ru.promtour.booking.booking.operator.SupplierReferences;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.ledger.LedgerStatus;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.PastSale;
import ru.promtour.messaging.outbox.OutboxEvent;

/**
 * The admin's import of a previous registry's bookings (issue 18): each becomes an ordinary booking document —
 * CONFIRMED, or CANCELLED after its confirmation — marked {@code imported: true}, inserted together with its ordinary
 * events ({@code BookingConfirmed}, and {@code BookingCancelled} for a cancelled one) carrying the registry's times
 * and {@code "imported": true}, so the reporting projection sees history exactly as it sees live bookings.
 * <p>
 * Rules: the slot is one the catalog published and has started; units as for a reserve (the program's units, group
 * size, children accompanied); bookedAt ≤ confirmedAt ≤ start, and a cancellation after the confirmation and no
 * later than the start. A visited booking's seats are sold in the slot's seat ledger by
 * {@link SeatLedger#sellPast}, whose conditional write never takes a slot over its capacity; a cancelled one holds
 * no seat. Idempotent by (operatorId, uuid) like an OCTO reserve (the same booking id): a repeat is answered with the
 * stored booking and emits nothing. A seat sold whose booking was never written (a crash between the two writes) is
 * found by the repeat (ALREADY) and its booking written then.
 * <p>
 * The whole call is checked before anything is written (400 naming each field); the capacity is checked against the
 * ledgers too, and a sale the ledger still refuses (another import took the seats meanwhile) is reported per booking.
 */
@Service
public class HistoryBookings {

    private static final Logger log = LoggerFactory.getLogger(HistoryBookings.class);

    /** How long before its visit a booking may have been made: last seasons, not a typo's century. */
    static final int MAX_YEARS_BEFORE_START = 5;
    /** Not a request anyone can repeat through OCTO: a reserve with an imported booking's uuid is a reused uuid. */
    static final String REQUEST_HASH = "history-import";
    private static final Pattern OPERATOR_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final int MAX_UNITS = 1000;

    private final BookingStore store;
    private final SeatLedger ledger;
    private final CatalogProjection catalog;
    private final BookingEvents events;
    private final SupplierReferences references;
    private final Clock clock;

    public HistoryBookings(BookingStore store, SeatLedger ledger, CatalogProjection catalog, BookingEvents events,
                           SupplierReferences references, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.catalog = catalog;
        this.events = events;
        this.references = references;
        this.clock = clock;
    }

    /** What became of one imported booking. */
    public enum Status { CREATED, EXISTING, REFUSED }

    /** @param reason REFUSED only: the ledger's reason (SOLD_OUT, SLOT_CANCELLED, ...) */
    public record Imported(String uuid, String operatorId, String bookingId, String supplierReference, Status status,
                           String reason) {

        static Imported of(Booking b, Status status) {
            return new Imported(b.uuid(), b.operatorId(), b.id(), b.supplierReference(), status, null);
        }
    }

    /** A booking that passed the checks: its slot and program, its places, and the stored booking of a repeat. */
    private record Checked(PastBooking request, SlotView slot, ExcursionView excursion, List<UnitItem> items,
                           Booking existing) {
    }

    /** Imports the bookings in order; throws {@link HistoryRefusal} (nothing written) when any is invalid. */
    public List<Imported> importBookings(List<PastBooking> bookings) {
        Instant now = clock.instant();
        List<Checked> checked = check(bookings, now);
        List<Imported> result = new ArrayList<>(checked.size());
        for (Checked c : checked) {
            result.add(c.existing() != null ? Imported.of(c.existing(), Status.EXISTING) : importOne(c, now));
        }
        log.info("History import: {} bookings, {} created, {} refused", result.size(),
                result.stream().filter(r -> r.status() == Status.CREATED).count(),
                result.stream().filter(r -> r.status() == Status.REFUSED).count());
        return result;
    }

    private Imported importOne(Checked c, Instant now) {
        PastBooking r = c.request();
        String bookingId = OperatorBookings.bookingId(r.operatorId(), r.uuid());
        if (r.outcome() == Outcome.VISITED) {
            PastSale sale = ledger.sellPast(r.slotId(), bookingId, c.items().size(), now);
            switch (sale.result()) {
                case SOLD -> {
                }
                case ALREADY -> {
                    // sold by an import whose booking was never written; the same group's, or the uuid was reused
                    Optional<Ledger.Entry> sold = sale.ledger().sale(bookingId);
                    if (sold.isEmpty() || sold.get().units() != c.items().size()) {
                        return refused(r, bookingId, "UUID_REUSED");
                    }
                }
                default -> {
                    return refused(r, bookingId, sale.result().name());
                }
            }
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            String reference = references.next();
            try {
                return Imported.of(insert(c, bookingId, reference), Status.CREATED);
            }
            catch (DuplicateKeyException ex) {
                Optional<Booking> raced = store.byOperatorUuid(r.operatorId(), r.uuid());
                if (raced.isPresent()) {
                    return Imported.of(raced.get(), Status.EXISTING);
                }
                log.info("Supplier reference {} was taken; drawing another", reference);
            }
        }
        throw new IllegalStateException("No free supplier reference after 5 attempts");
    }

    /** The booking through its ordinary transitions (held at bookedAt, confirmed, cancelled), with their events. */
    private Booking insert(Checked c, String bookingId, String reference) {
        PastBooking r = c.request();
        SlotView slot = c.slot();
        ReserveCommand command = new ReserveCommand(r.uuid(), slot.excursionId(), Booking.OPTION_ID, slot.id(), null,
                null, null, r.resellerReference(), null);
        String localDate = LocalDate.ofInstant(slot.start(), ZoneId.of(slot.timeZone())).toString();
        Booking held = Booking.held(bookingId, r.uuid(), new Booking.Operator(r.operatorId(), r.operatorName(), null),
                REQUEST_HASH, reference, command, c.items(), slot.enterpriseId(), slot.start(), slot.timeZone(),
                localDate, BookingMode.of(c.excursion().program().bookingMode()), r.bookedAt(), null).asImported();
        // an on-request site's past groups were approved: history knows the outcome, not the steps
        Booking confirmed = held.confirmed(r.confirmedAt(), null, c.items(), null, false);
        OutboxEvent confirmedEvent = events.confirmed(confirmed, r.confirmedAt());
        if (r.outcome() == Outcome.CANCELLED) {
            Booking cancelled = confirmed.cancelled(r.cancelledAt(), r.reason(), r.cancelledBy());
            store.insert(cancelled, confirmedEvent, events.cancelled(cancelled, r.cancelledAt()));
            return cancelled;
        }
        store.insert(confirmed, confirmedEvent);
        return confirmed;
    }

    private static Imported refused(PastBooking r, String bookingId, String reason) {
        return new Imported(r.uuid(), r.operatorId(), bookingId, null, Status.REFUSED, reason);
    }

    private List<Checked> check(List<PastBooking> bookings, Instant now) {
        List<HistoryRefusal.Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < bookings.size(); i++) {
            Problems p = new Problems("bookings[" + i + "]", problems);
            PastBooking r = bookings.get(i);
            if (r == null) {
                p.add("", "is required");
                checked.add(null);
                continue;
            }
            checked.add(check(r, now, p, keys));
        }
        if (problems.isEmpty()) {
            checkCapacity(checked, problems);
        }
        if (!problems.isEmpty()) {
            throw new HistoryRefusal(problems);
        }
        return checked;
    }

    private Checked check(PastBooking r, Instant now, Problems p, Set<String> keys) {
        boolean keyValid = true;
        if (r.uuid() == null || !isUuid(r.uuid())) {
            p.add("uuid", "is required: the registry's id of the booking as a UUID");
            keyValid = false;
        }
        if (r.operatorId() == null || !OPERATOR_ID.matcher(r.operatorId()).matches()) {
            p.add("operatorId", "is required: the operator's id (letters, digits, - and _, at most 100)");
            keyValid = false;
        }
        if (!keyValid) {
            return null;
        }
        if (!keys.add(r.operatorId() + "\n" + r.uuid())) {
            p.add("uuid", "appears twice in this import for operator " + r.operatorId());
            return null;
        }
        Optional<Booking> existing = store.byOperatorUuid(r.operatorId(), r.uuid());
        if (existing.isPresent()) {
            // a repeat is answered with the stored booking, as an OCTO replay, even if it would not pass today
            return new Checked(r, null, null, List.of(), existing.get());
        }
        maxLength(p, "operatorName", r.operatorName(), 200);
        maxLength(p, "resellerReference", r.resellerReference(), 100);
        maxLength(p, "reason", r.reason(), 500);
        SlotView slot = r.slotId() == null ? null : catalog.slot(r.slotId()).orElse(null);
        ExcursionView excursion = slot == null ? null : catalog.excursion(slot.excursionId()).orElse(null);
        if (excursion == null) {
            p.add("slotId", r.slotId() == null ? "is required" : "is not a slot of a program booking-service knows");
            return null;
        }
        if (!slot.start().isBefore(now)) {
            p.add("slotId", "has not started yet: only past visits are imported");
        }
        if ("CANCELLED".equals(slot.status())) {
            p.add("slotId", "was cancelled: nobody visited it");
        }
        List<UnitItem> items = items(r, excursion.program(), OperatorBookings.bookingId(r.operatorId(), r.uuid()), p);
        checkTimes(r, slot.start(), p);
        return new Checked(r, slot, excursion, items, null);
    }

    /** One place per unit and quantity, by the reserve's group rules; the places' ids derive from the booking id. */
    private static List<UnitItem> items(PastBooking r, Program program, String bookingId, Problems p) {
        if (r.unitItems() == null || r.unitItems().isEmpty()) {
            p.add("unitItems", "needs at least one unit item");
            return List.of();
        }
        List<UnitItem> items = new ArrayList<>();
        boolean valid = true;
        for (int j = 0; j < r.unitItems().size(); j++) {
            PastBooking.UnitQuantity u = r.unitItems().get(j);
            Program.Unit unit = u == null || u.unitId() == null ? null : program.unit(u.unitId());
            if (unit == null) {
                p.add("unitItems[" + j + "].unitId", "is not a unit of the program");
                valid = false;
                continue;
            }
            if (u.quantity() == null || u.quantity() < 1 || u.quantity() > MAX_UNITS) {
                p.add("unitItems[" + j + "].quantity", "must be 1.." + MAX_UNITS);
                valid = false;
                continue;
            }
            for (int k = 0; k < u.quantity() && items.size() <= MAX_UNITS; k++) {
                String uuid = UUID.nameUUIDFromBytes((bookingId + "/" + items.size()).getBytes(StandardCharsets.UTF_8))
                        .toString();
                items.add(new UnitItem(uuid, unit.id(), unit.type(), null, null, null));
            }
        }
        if (!valid) {
            return List.of();
        }
        try {
            ReservationRules.checkGroup(items, program);
        }
        catch (BookingRefusal refusal) {
            p.add("unitItems", refusal.getMessage().replaceFirst("^Validation failed: ", ""));
        }
        return items;
    }

    private static void checkTimes(PastBooking r, Instant start, Problems p) {
        if (r.outcome() == null) {
            p.add("outcome", "is required: VISITED or CANCELLED");
        }
        if (r.bookedAt() == null) {
            p.add("bookedAt", "is required");
        }
        else if (r.bookedAt().isBefore(start.minus(MAX_YEARS_BEFORE_START * 366L, ChronoUnit.DAYS))) {
            p.add("bookedAt", "must be within " + MAX_YEARS_BEFORE_START + " years before the visit");
        }
        if (r.confirmedAt() == null) {
            p.add("confirmedAt", "is required");
        }
        else if (r.bookedAt() != null && r.confirmedAt().isBefore(r.bookedAt())) {
            p.add("confirmedAt", "must not be before bookedAt");
        }
        else if (r.confirmedAt().isAfter(start)) {
            p.add("confirmedAt", "must not be after the slot's start " + start);
        }
        if (r.outcome() == Outcome.CANCELLED) {
            if (r.cancelledAt() == null) {
                p.add("cancelledAt", "is required for outcome CANCELLED");
            }
            else if (r.confirmedAt() != null && !r.cancelledAt().isAfter(r.confirmedAt())) {
                p.add("cancelledAt", "must be after confirmedAt");
            }
            else if (r.cancelledAt().isAfter(start)) {
                p.add("cancelledAt", "must not be after the slot's start " + start);
            }
            if (!Cancellation.OPERATOR.equals(r.cancelledBy()) && !Cancellation.SUPPLIER.equals(r.cancelledBy())) {
                p.add("cancelledBy", "is required for outcome CANCELLED: OPERATOR or SUPPLIER");
            }
        }
        else if (r.outcome() == Outcome.VISITED) {
            if (r.cancelledAt() != null || r.cancelledBy() != null || r.reason() != null) {
                p.add("outcome", "VISITED takes no cancelledAt, cancelledBy or reason");
            }
        }
    }

    /**
     * The visited bookings to sell, slot by slot, fit the ledgers as they stand. (The ledger's write is still what
     * decides; this names the bookings that would not fit before anything is written.)
     */
    private void checkCapacity(List<Checked> checked, List<HistoryRefusal.Problem> problems) {
        Map<String, Ledger> ledgers = new HashMap<>();
        Map<String, Integer> taken = new HashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked c = checked.get(i);
            if (c.existing() != null || c.request().outcome() != Outcome.VISITED) {
                continue;
            }
            String slotId = c.slot().id();
            Ledger l = ledgers.computeIfAbsent(slotId, id -> ledger.find(id).orElse(null));
            Problems p = new Problems("bookings[" + i + "]", problems);
            if (l == null) {
                p.add("slotId", "has no seat ledger yet (its SlotPublished is still on its way); retry shortly");
                continue;
            }
            if (l.status() == LedgerStatus.CANCELLED) {
                p.add("slotId", "was cancelled: nobody visited it");
                continue;
            }
            boolean placed = l.placed(OperatorBookings.bookingId(c.request().operatorId(), c.request().uuid())).isPresent();
            int before = taken.getOrDefault(slotId, l.held() + l.confirmed() + l.allotted());
            int after = placed ? before : before + c.items().size();
            if (after > l.capacity()) {
                p.add("unitItems", "would take the slot over its capacity: " + l.capacity() + " seats, "
                        + before + " taken with the bookings before this one, " + c.items().size() + " more asked");
                continue;
            }
            taken.put(slotId, after);
        }
    }

    private static void maxLength(Problems p, String field, String value, int max) {
        if (value != null && value.length() > max) {
            p.add(field, "must be at most " + max + " characters");
        }
    }

    private static boolean isUuid(String uuid) {
        try {
            UUID.fromString(uuid);
            return uuid.length() == 36;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** The problems of one booking of the request, each field under its prefix. */
    private record Problems(String prefix, List<HistoryRefusal.Problem> all) {

        void add(String field, String message) {
            all.add(new HistoryRefusal.Problem(field.isEmpty() ? prefix : prefix + "." + field, message));
        }
    }
}
