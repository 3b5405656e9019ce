package ru.promtour.catalog.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;
import ru.promtour.seats.Bookability;

/**
 * One start time of an excursion: what the enterprise published (start, capacity, status) and, beside it, the
 * catalog's read model of the slot's seat ledger, which booking-service owns.
 * <p>
 * {@code capacity}, {@code held}, {@code confirmed} and {@code status} mirror the newest ledger snapshot
 * the catalog has applied ({@code ledgerVersion}); a snapshot is applied only if it is newer, so duplicates
 * and reordering change nothing. The catalog never decides seats: a capacity change, close, reopen or
 * cancel is a request to the ledger ({@code pendingChanges}) and lands here when the ledger's answer comes
 * ({@code changeAnswers} keeps the last few answers, so an HTTP call waiting on another instance sees them).
 * {@code version} counts the catalog's own changes only (published, a change applied), so the fact events
 * it publishes describe exactly the stored state.
 *
 * @param start          the instant (UTC) the excursion begins
 * @param timeZone       the enterprise's IANA zone at creation; local times are shown in it
 * @param cutoffAt       when bookings close: start − the program's booking cut-off, computed when the slot is
 *                       created and again when the program's cut-off changes ({@code SlotCutoffs}); null on a slot
 *                       stored before the field existed (see {@link #cutoffAt(ExcursionProgram)})
 * @param ledgerVersion  the version of the newest ledger snapshot applied (0: none yet)
 * @param pendingChanges changes sent to the ledger and not answered yet, oldest first
 * @param changeAnswers  the last {@value #ANSWERS_KEPT} answers of the ledger, oldest first
 * @param openingHours   null for a start-time slot; for the day slot of an OPENING_HOURS program ({@link #allDay()})
 *                       the local date's open ranges, empty once its hours closed the date (see {@code hours.DaySlots})
 * @param allotted       seats the ledger keeps for operators' allocations, not booked yet (ADR 0005): not on free sale
 * @param allotments     each operator's share of {@code allotted}
 */
@Document(Slot.COLLECTION)
public record Slot(@Id String id, String excursionId, String enterpriseId, Instant start, String timeZone,
                   Instant cutoffAt, int capacity, int held, int confirmed, SlotStatus status, long version, Long ledgerVersion,
                   String cancelReason, List<PendingChange> pendingChanges, List<ChangeAnswer> changeAnswers,
                   Instant createdAt, Instant updatedAt, List<TimeRange> openingHours, Integer allotted,
                   List<Allotment> allotments) {

    public static final String COLLECTION = "slots";
    /** How many ledger answers a slot remembers: enough for the calls that can wait on it at once. */
    public static final int ANSWERS_KEPT = 20;

    /** What is left of one operator's allocation on the slot. */
    public record Allotment(String operatorId, int left) {
    }

    /** A slot without allocations (or whose allocations the caller does not change). */
    public Slot(String id, String excursionId, String enterpriseId, Instant start, String timeZone, Instant cutoffAt,
                int capacity, int held, int confirmed, SlotStatus status, long version, Long ledgerVersion,
                String cancelReason, List<PendingChange> pendingChanges, List<ChangeAnswer> changeAnswers,
                Instant createdAt, Instant updatedAt, List<TimeRange> openingHours) {
        this(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held, confirmed, status, version,
                ledgerVersion, cancelReason, pendingChanges, changeAnswers, createdAt, updatedAt, openingHours, 0, List.of());
    }

    /** A start-time slot. */
    public Slot(String id, String excursionId, String enterpriseId, Instant start, String timeZone, Instant cutoffAt,
                int capacity, int held, int confirmed, SlotStatus status, long version, Long ledgerVersion,
                String cancelReason, List<PendingChange> pendingChanges, List<ChangeAnswer> changeAnswers,
                Instant createdAt, Instant updatedAt) {
        this(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held, confirmed, status, version,
                ledgerVersion, cancelReason, pendingChanges, changeAnswers, createdAt, updatedAt, null);
    }

    @PersistenceCreator
    public Slot {
        // absent on a slot stored before the read model existed, and in reads that do not project it
        ledgerVersion = ledgerVersion == null ? 0L : ledgerVersion;
        pendingChanges = pendingChanges == null ? List.of() : pendingChanges;
        changeAnswers = changeAnswers == null ? List.of() : changeAnswers;
        // absent on a slot no allocation snapshot reached yet, and in reads that do not project it (the public search)
        allotted = allotted == null ? 0 : allotted;
        allotments = allotments == null ? List.of() : allotments;
    }

    /** Seats on free sale. Never negative, even if capacity was lowered by an admin fix. */
    public int available() {
        return Bookability.free(capacity, held + allotted, confirmed);
    }

    /**
     * The slot as this operator may book it: its own allocation's seats are on sale to it, the others' are not
     * (the ledger draws on an operator's allocation first). The same slot for a caller without an allocation here.
     */
    public Slot asSeenBy(String operatorId) {
        int mine = allotments.stream().filter(a -> a.operatorId().equals(operatorId)).mapToInt(Allotment::left).sum();
        return mine == 0 ? this : new Slot(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held,
                confirmed, status, version, ledgerVersion, cancelReason, pendingChanges, changeAnswers, createdAt,
                updatedAt, openingHours, allotted - mine, allotments);
    }

    /** When bookings close: as stored; for a slot stored before the field existed, from its program's cut-off. */
    public Instant cutoffAt(ExcursionProgram program) {
        return cutoffAt != null ? cutoffAt : Bookability.cutoffAt(start, program.bookingCutoffHours());
    }

    /**
     * Why a reserve of {@code units} seats would be refused now, by the {@link Bookability} rule on this read
     * model of the slot's ledger; empty when it would fit.
     */
    public Optional<Bookability.Refusal> refusal(ExcursionProgram program, int units, Instant now) {
        return Bookability.refusal(status.bookability(), cutoffAt(program), capacity, held + allotted, confirmed, units, now);
    }

    public OffsetDateTime localStart() {
        return start.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    /** A day slot: one local date of an OPENING_HOURS program, bookable for the whole day (OCTO {@code allDay}). */
    public boolean allDay() {
        return openingHours != null;
    }

    /** The local date the slot starts on (a day slot's date). */
    public LocalDate localDate() {
        return start.atZone(ZoneId.of(timeZone)).toLocalDate();
    }

    public Optional<PendingChange> pending(String requestId) {
        return pendingChanges.stream().filter(p -> p.requestId().equals(requestId)).findFirst();
    }

    public Optional<ChangeAnswer> answer(String requestId) {
        return changeAnswers.stream().filter(a -> a.requestId().equals(requestId)).findFirst();
    }

    /** The slot showing these ledger figures as its read model. */
    public Slot withSeats(int capacity, int held, int confirmed, SlotStatus status, long ledgerVersion) {
        return new Slot(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held, confirmed, status,
                version, ledgerVersion, cancelReason, pendingChanges, changeAnswers, createdAt, updatedAt, openingHours,
                allotted, allotments);
    }

    /** The slot with a new booking cut-off (its program's cut-off changed). */
    public Slot withCutoffAt(Instant cutoffAt, long version, Instant updatedAt) {
        return new Slot(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held, confirmed, status,
                version, ledgerVersion, cancelReason, pendingChanges, changeAnswers, createdAt, updatedAt, openingHours,
                allotted, allotments);
    }

    /** The slot once the ledger's answer to a pending change is kept (the request leaves the pending ones). */
    public Slot withAnswer(ChangeAnswer answer, long version, String cancelReason, Instant updatedAt) {
        List<PendingChange> pending = pendingChanges.stream().filter(p -> !p.requestId().equals(answer.requestId())).toList();
        List<ChangeAnswer> answers = new ArrayList<>(changeAnswers);
        answers.add(answer);
        answers = List.copyOf(answers.subList(Math.max(0, answers.size() - ANSWERS_KEPT), answers.size()));
        return new Slot(id, excursionId, enterpriseId, start, timeZone, cutoffAt, capacity, held, confirmed, status,
                version, ledgerVersion, cancelReason, pending, answers, createdAt, updatedAt, openingHours, allotted,
                allotments);
    }

    /**
     * A change the enterprise asked for, sent to the ledger as {@code catalog.SlotChangeRequested.v1}.
     *
     * @param capacity         CAPACITY only: the new capacity
     * @param previousCapacity CAPACITY only: the capacity when it was asked (the ledger's own figure wins)
     * @param reason           CLOSE and CANCEL: why, as the enterprise said it
     */
    public record PendingChange(String requestId, SlotChange change, Integer capacity, Integer previousCapacity,
                                String reason, Instant requestedAt) {
    }

    /**
     * What the ledger answered to a change. For a refusal: why, and the ledger's figures it was judged on.
     *
     * @param capacity the capacity asked for (CAPACITY)
     */
    public record ChangeAnswer(String requestId, SlotChange change, boolean applied, String reason, String message,
                               Integer capacity, Integer held, Integer confirmed, Instant answeredAt) {
    }
}
