package ru.promtour.booking.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.expiry.OrphanHoldSweeper;
import ru.promtour.booking.catalog.messaging.CatalogEvents;
import ru.promtour.booking.catalog.messaging.CatalogListener;
import ru.promtour.booking.catalog.messaging.ExcursionChanged;
import ru.promtour.booking.catalog.messaging.SlotChanged;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The seat ledger under races, duplicates, the enterprise's changes and a reserve cut between its two writes. */
class LedgerIT extends BookingIT {

    @Autowired
    OrphanHoldSweeper orphans;
    @Autowired
    BookingProperties properties;
    @Autowired
    CatalogListener listener;

    @Test
    void reservesACapacityDecreaseACloseAndExpiriesRacingOnOneSlotNeverOversell() throws Exception {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Answer>> calls = new ArrayList<>();
        String capacityRequest = null;
        String closeRequest = null;
        try {
            for (int i = 0; i < 300; i++) {
                int units = 1 + ThreadLocalRandom.current().nextInt(3);
                String body = CatalogData.reserve(uuid(), p, slotId, units, 0, 0);
                String shortHold = i % 3 == 0 ? body.replace("\"unitItems\"", "\"expirationMinutes\":1,\"unitItems\"") : body;
                calls.add(pool.submit(() -> reserve(shortHold)));
                if (i == 100) {
                    capacityRequest = catalog.change(slotId, "CAPACITY", 30, null);
                }
                if (i == 150) {
                    clock.advance(Duration.ofMinutes(2)); // the one-minute holds run out; the sweeper releases them
                }
                if (i == 250) {
                    closeRequest = catalog.change(slotId, "CLOSE", null, "проверка");
                }
            }
            int onHold = 0;
            for (Future<Answer> call : calls) {
                Answer answer = call.get();
                assertThat(answer.status()).as(answer.toString()).isIn(200, 400);
                if (answer.status() == 200) {
                    assertThat(answer.text("status")).isEqualTo("ON_HOLD");
                    onHold++;
                }
                else {
                    assertThat(answer.text("errorMessage")).matches("(SOLD_OUT|SLOT_CLOSED).*");
                }
            }
            assertThat(onHold).isPositive();
        }
        finally {
            pool.shutdownNow();
        }
        FakeCatalog.Event capacity = catalog.answer(capacityRequest);
        assertThat(catalog.answer(closeRequest).type()).isEqualTo("booking.SlotChangeApplied.v1");
        assertThat(ledger(slotId).status()).isEqualTo(LedgerStatus.CLOSED);
        int expectedCapacity = capacity.type().equals("booking.SlotChangeApplied.v1") ? 30 : 40;
        // every expiry applied: no ON_HOLD booking of this slot has run out any more
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(query(where("slotId").is(slotId)
                .and("status").is(BookingStatus.ON_HOLD).and("utcExpiresAt").lte(clock.instant())), Booking.COLLECTION) == 0);
        assertLedgerMatchesBookings(slotId, expectedCapacity);
        // a later event on the slot is the barrier: every event before it was published; none shows an oversold slot
        catalog.change(slotId, "REOPEN", null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.all().stream()
                .anyMatch(e -> slotId.equals(e.slotId()) && e.body().path("change").asString().equals("REOPEN")));
        catalog.all().stream().filter(e -> slotId.equals(e.slotId()) && e.body().has("ledger")).forEach(e -> {
            var l = e.body().path("ledger");
            assertThat(l.path("held").asInt() + l.path("confirmed").asInt()).as(e.toString())
                    .isLessThanOrEqualTo(l.path("capacity").asInt());
        });
    }

    @Test
    void aCapacityBelowHeldPlusConfirmedIsRefusedWithTheNumbersAndADuplicateRequestChangesNothing() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 6, 0, 0)).text("status")).isEqualTo("ON_HOLD");

        String refused = catalog.change(slotId, "CAPACITY", 5, null);
        FakeCatalog.Event answer = catalog.answer(refused);
        assertThat(answer.type()).isEqualTo("booking.SlotChangeRefused.v1");
        Contracts.assertMatchesSchema(answer.type(), answer.body().toString());
        assertThat(answer.body().path("reason").asString()).isEqualTo("BELOW_HELD_PLUS_CONFIRMED");
        assertThat(answer.body().path("ledger").path("held").asInt()).isEqualTo(6);
        assertThat(ledger(slotId).capacity()).isEqualTo(10);

        String requestId = uuid();
        String lower = CatalogData.changeRequest(slotId, requestId, "CAPACITY", 8, null);
        catalog.sendWithId(requestId, FakeCatalog.SLOTS, "catalog.SlotChangeRequested.v1", slotId, slotId, lower);
        catalog.sendWithId(requestId, FakeCatalog.SLOTS, "catalog.SlotChangeRequested.v1", slotId, slotId, lower);
        // a redelivered SlotPublished with another capacity does not reopen or resize the ledger either
        catalog.slot(slotId, p, ledger(slotId).start(), 99);
        FakeCatalog.Event applied = catalog.answer(requestId);
        assertThat(applied.type()).isEqualTo("booking.SlotChangeApplied.v1");
        assertThat(applied.body().path("previousCapacity").asInt()).isEqualTo(10);
        String barrier = catalog.change(slotId, "CLOSE", null, null);
        catalog.answer(barrier);

        Ledger l = ledger(slotId);
        assertThat(l.capacity()).isEqualTo(8);
        assertThat(l.held()).isEqualTo(6);
        assertThat(l.answered()).containsOnlyOnce(requestId);
        assertThat(catalog.all().stream().filter(e -> requestId.equals(e.requestId()))).hasSize(1);
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("errorMessage")).startsWith("SLOT_CLOSED");
    }

    @Test
    void aReserveCutBetweenTheLedgerAndTheBookingIsRepairedByItsRetryOrReleasedByTheSweep() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String retried = uuid();
        String abandoned = uuid();
        String retriedBody = CatalogData.reserve(retried, p, slotId, 2, 0, 0);
        String abandonedBody = CatalogData.reserve(abandoned, p, slotId, 3, 0, 0);
        String retriedId = reserve(retriedBody).text("id");
        String abandonedId = reserve(abandonedBody).text("id");
        // the cut: the ledger holds the seats, the booking write never happened (the process died in between)
        mongo.remove(query(where("_id").in(retriedId, abandonedId)), Booking.COLLECTION);
        assertThat(taken(slotId)).isEqualTo(5);

        Answer retry = reserve(retriedBody);
        assertThat(retry.text("status")).as(retry.toString()).isEqualTo("ON_HOLD");
        assertThat(retry.text("id")).isEqualTo(retriedId);
        assertThat(taken(slotId)).as("the retry wrote the booking, it held nothing twice").isEqualTo(5);
        assertThat(orphans.releaseOrphans()).as("within the grace nothing is an orphan yet").isZero();

        clock.advance(properties.ledger().orphanGrace().plusSeconds(1));
        orphans.releaseOrphans(); // the scheduled sweep may be first; either releases the orphan exactly once
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(slotId) == 2);
        assertThat(orphans.releaseOrphans()).isZero();

        assertThat(ledger(slotId).hold(abandonedId)).isEmpty();
        assertThat(ledger(slotId).hold(retriedId)).isPresent();
        FakeCatalog.Event released = catalog.await(abandonedId, "booking.SeatsReleased.v1");
        assertThat(released.body().path("cause").asString()).isEqualTo("ORPHANED");
        Answer late = reserve(abandonedBody);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.text("errorMessage")).contains("abandoned");
    }

    @Test
    void aLedgerHalfLostAfterTheBookingsWriteIsAppliedFromTheBookingsOwnEvent() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String confirmedId = reserve(CatalogData.reserve(uuid(), p, slotId, 2, 0, 0)).text("id");
        String cancelledId = reserve(CatalogData.reserve(uuid(), p, slotId, 3, 0, 0)).text("id");
        assertThat(taken(slotId)).isEqualTo(5);

        // the cut: the bookings were written with their events, the process died before the ledger's write
        catalog.send(FakeCatalog.BOOKINGS, "booking.BookingConfirmed.v1", slotId, confirmedId,
                "{\"bookingId\":\"%s\",\"slotId\":\"%s\",\"units\":2}".formatted(confirmedId, slotId));
        catalog.send(FakeCatalog.BOOKINGS, "booking.BookingCancelled.v1", slotId, cancelledId,
                "{\"bookingId\":\"%s\",\"slotId\":\"%s\",\"units\":3}".formatted(cancelledId, slotId));

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(slotId).hold(cancelledId).isEmpty()
                && ledger(slotId).sale(confirmedId).isPresent());
        Ledger l = ledger(slotId);
        assertThat(l.held()).isZero();
        assertThat(l.confirmed()).isEqualTo(2);
        assertThat(l.released()).contains(cancelledId);
        // delivered again: nothing changes a second time
        catalog.send(FakeCatalog.BOOKINGS, "booking.BookingCancelled.v1", slotId, cancelledId,
                "{\"bookingId\":\"%s\",\"slotId\":\"%s\",\"units\":3}".formatted(cancelledId, slotId));
        String barrier = reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("id");
        catalog.send(FakeCatalog.BOOKINGS, "booking.BookingCancelled.v1", slotId, barrier,
                "{\"bookingId\":\"%s\",\"slotId\":\"%s\",\"units\":1}".formatted(barrier, slotId));
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(slotId).hold(barrier).isEmpty());
        assertThat(ledger(slotId).confirmed()).isEqualTo(2);
        assertThat(catalog.count(cancelledId, "booking.SeatsReleased.v1")).isEqualTo(1);
    }

    @Test
    void aMoveCutBetweenItsWritesNeitherLosesNorDoublesSeats() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String otherSlot = slot(p, Duration.ofDays(11), 10);
        String laterSlot = slot(p, Duration.ofDays(12), 10);
        String stayedId = reserve(CatalogData.reserve(uuid(), p, slotId, 2, 0, 0)).text("id");
        String movedUuid = uuid();
        String movedId = reserve(CatalogData.reserve(movedUuid, p, slotId, 3, 0, 0)).text("id");

        // cut after the new slot's hold: the booking still names the old slot, the new hold is an orphan
        assertThat(seats.holdMoved(otherSlot, operatorId, stayedId, 2, null, clock.instant()).result()).isEqualTo(SeatLedger.HoldResult.HELD);
        // cut after the booking's write: the booking names the new slot (its event in its outbox), the old entry stays
        assertThat(seats.holdMoved(laterSlot, operatorId, movedId, 3, null, clock.instant()).result()).isEqualTo(SeatLedger.HoldResult.HELD);
        mongo.updateFirst(query(where("_id").is(movedId)),
                new Update().set("slotId", laterSlot), Booking.COLLECTION);
        catalog.send(FakeCatalog.BOOKINGS, "booking.BookingUpdated.v1", laterSlot, movedId,
                "{\"bookingId\":\"%s\",\"slotId\":\"%s\",\"previousSlotId\":\"%s\",\"units\":3}"
                        .formatted(movedId, laterSlot, slotId));

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(slotId).placed(movedId).isEmpty());
        assertThat(ledger(laterSlot).hold(movedId)).as("the moved booking keeps its new hold").isPresent();
        FakeCatalog.Event released = catalog.await(movedId, "booking.SeatsReleased.v1");
        assertThat(released.body().path("cause").asString()).isEqualTo("MOVED");

        clock.advance(properties.ledger().orphanGrace().plusSeconds(1));
        orphans.releaseOrphans(); // the scheduled sweep may be first; either releases the orphan exactly once
        await().atMost(Duration.ofSeconds(20)).until(() -> taken(otherSlot) == 0);
        assertThat(ledger(slotId).hold(stayedId)).as("the booking's own slot keeps its hold").isPresent();
        assertThat(ledger(laterSlot).hold(movedId)).isPresent();
        assertThat(taken(slotId)).isEqualTo(2);
        assertThat(taken(laterSlot)).isEqualTo(3);
        assertThat(operator.get("/octo/bookings/" + movedUuid).text("availabilityId")).isEqualTo(laterSlot);
    }

    @Test
    void theLedgerKeepsTheCutoffTheCatalogPublishedAndMovesItOnlyWithTheSlotsCutoffChanged() {
        Program p = Program.instant("Europe/Moscow");   // its program closes bookings 2 h before the start
        listener.apply(CatalogEvents.EXCURSION_PUBLISHED, BookingApi.JSON.readValue(p.json(1), ExcursionChanged.class));
        String slotId = "slot-" + uuid();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(20));
        Instant published = start.minus(Duration.ofHours(30));
        listener.apply(CatalogEvents.SLOT_PUBLISHED, slotEvent(slotId, p, start, published, 1));

        assertThat(ledger(slotId).cutoffAt()).as("the catalog's, not recomputed").isEqualTo(published);
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("errorMessage")).startsWith("CUTOFF_PASSED");

        // a program with another cut-off moves no ledger by itself: the catalog sends each slot's new cut-off
        listener.apply(CatalogEvents.EXCURSION_UPDATED,
                BookingApi.JSON.readValue(p.cutoffs(1, 24).json(2), ExcursionChanged.class));
        assertThat(ledger(slotId).cutoffAt()).isEqualTo(published);

        Instant moved = start.minus(Duration.ofHours(1));
        listener.apply(CatalogEvents.SLOT_CUTOFF_CHANGED, slotEvent(slotId, p, start, moved, 2));
        Ledger l = ledger(slotId);
        assertThat(l.cutoffAt()).isEqualTo(moved);
        listener.apply(CatalogEvents.SLOT_CUTOFF_CHANGED, slotEvent(slotId, p, start, moved, 2));
        assertThat(ledger(slotId).version()).as("redelivered: nothing changes").isEqualTo(l.version());
        assertThat(reserve(CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void aSlotPublishedWithoutItsCutoffTakesTheProgramsAsBeforeTheCatalogPublishedIt() {
        Program p = Program.instant("Europe/Moscow");
        listener.apply(CatalogEvents.EXCURSION_PUBLISHED, BookingApi.JSON.readValue(p.json(1), ExcursionChanged.class));
        String slotId = "slot-" + uuid();
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(3));
        listener.apply(CatalogEvents.SLOT_PUBLISHED, slotEvent(slotId, p, start, null, 1));

        assertThat(ledger(slotId).cutoffAt()).isEqualTo(start.minus(Duration.ofHours(2)));
    }

    private static SlotChanged slotEvent(String slotId, Program p, Instant start, Instant cutoffAt, long version) {
        return new SlotChanged(slotId, p.excursionId(), p.enterpriseId(), start, p.timeZone(), start.toString(), cutoffAt,
                10, 10, "OPEN", version, Instant.now(), null, null, null, null);
    }

    /** held / confirmed and their entries are exactly the live bookings' units; nothing above capacity. */
    private void assertLedgerMatchesBookings(String slotId, int capacity) {
        Ledger l = ledger(slotId);
        List<Booking> bookings = mongo.find(query(where("slotId").is(slotId)), Booking.class, Booking.COLLECTION);
        Map<String, Integer> holding = new HashMap<>();
        Map<String, Integer> owning = new HashMap<>();
        for (Booking b : bookings) {
            if (b.status() == BookingStatus.ON_HOLD || b.status() == BookingStatus.PENDING) {
                holding.put(b.id(), b.units());
            }
            else if (b.status() == BookingStatus.CONFIRMED) {
                owning.put(b.id(), b.units());
            }
        }
        Map<String, Integer> holds = new HashMap<>();
        l.holds().forEach(e -> holds.put(e.bookingId(), e.units()));
        Map<String, Integer> sold = new HashMap<>();
        l.sold().forEach(e -> sold.put(e.bookingId(), e.units()));
        assertThat(holds).isEqualTo(holding);
        assertThat(sold).isEqualTo(owning);
        assertThat(l.held()).isEqualTo(holding.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(l.confirmed()).isEqualTo(owning.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(l.capacity()).isEqualTo(capacity);
        assertThat(l.held() + l.confirmed()).isLessThanOrEqualTo(capacity);
    }
}
