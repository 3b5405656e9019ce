package ru.promtour.catalog.slot.history;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import ru.promtour.catalog.enterprise.EnterpriseService;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionService;
import ru.promtour.catalog.excursion.ExcursionStatus;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.shared.FieldProblem;
import ru.promtour.catalog.shared.InvalidInputException;
import ru.promtour.catalog.slot.ScheduleGenerator;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotService;

/**
 * Past slots of a published start-time program, imported by the admin so last season's visits can be imported as
 * bookings (booking-service's history import) and reported like live ones. Each is an ordinary slot with its ordinary
 * {@code catalog.SlotPublished.v1} (its {@code cutoffAt} is in the past, so the seat ledger opens it closed to
 * reserves). The id is derived from excursion and start ({@link #slotId}), and the store's unique excursion + start
 * index refuses a second slot at a start, so a repeated import creates nothing and reports the slot that exists.
 */
@Service
public class HistorySlots {

    /** How far back an import reaches: last seasons, not a date a typo moved centuries away. */
    static final int MAX_YEARS_BACK = 5;

    private final ExcursionService excursions;
    private final EnterpriseService enterprises;
    private final SlotService slots;
    private final Clock clock;

    public HistorySlots(ExcursionService excursions, EnterpriseService enterprises, SlotService slots) {
        this.excursions = excursions;
        this.enterprises = enterprises;
        this.slots = slots;
        this.clock = Clock.systemUTC();
    }

    /** A past start (local time of the enterprise's zone) and the slot's capacity. */
    public record PastSlot(LocalDateTime localStart, int capacity) {
    }

    /** What became of one requested start: its slot's id, and whether this call created it. */
    public record Imported(LocalDateTime localStart, String slotId, boolean created) {
    }

    /** Creates the slots that do not exist yet; all or none are checked before anything is written. */
    public List<Imported> importSlots(String excursionId, List<PastSlot> requested) {
        Excursion excursion = excursions.get(excursionId);
        if (excursion.status() != ExcursionStatus.PUBLISHED) {
            throw new ConflictException("History is imported for a published program only; this one is "
                    + excursion.status());
        }
        if (excursion.program().openingHoursProduct()) {
            throw new ConflictException("The program is sold by opening hours: it takes no start-time slots");
        }
        ZoneId zone = enterprises.require(excursion.enterpriseId()).zone();
        Instant now = clock.instant();
        LocalDateTime earliest = LocalDateTime.now(clock.withZone(zone)).minusYears(MAX_YEARS_BACK);
        List<FieldProblem> problems = new ArrayList<>();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LocalDateTime local = requested.get(i).localStart();
            if (local.isBefore(earliest)) {
                problems.add(new FieldProblem("slots[" + i + "].localStart", "must be within the last "
                        + MAX_YEARS_BACK + " years"));
                starts.add(null);
                continue;
            }
            Instant start = ScheduleGenerator.resolve(local, zone);
            if (!start.isBefore(now)) {
                problems.add(new FieldProblem("slots[" + i + "].localStart", "must be in the past (in " + zone + ")"));
            }
            starts.add(start);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Imported> result = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Instant start = starts.get(i);
            Slot slot = slots.insertWithId(slotId(excursion.id(), start), excursion, start, zone,
                    requested.get(i).capacity());
            if (slot != null) {
                result.add(new Imported(requested.get(i).localStart(), slot.id(), true));
                continue;
            }
            String existing = slots.idAt(excursion.id(), start).orElseThrow(() -> new IllegalStateException(
                    "A slot of " + excursion.id() + " at " + start + " collided but cannot be read"));
            result.add(new Imported(requested.get(i).localStart(), existing, false));
        }
        return result;
    }

    /** {@code slot-<uuid>} like every slot, the UUID derived from excursion and start instead of random. */
    static String slotId(String excursionId, Instant start) {
        return "slot-" + UUID.nameUUIDFromBytes((excursionId + "|" + start).getBytes(StandardCharsets.UTF_8));
    }
}
