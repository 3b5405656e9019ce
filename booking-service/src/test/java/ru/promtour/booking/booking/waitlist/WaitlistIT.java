package ru.promtour.booking.booking.waitlist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.security.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The waitlist of a sold-out slot: FIFO offers that are holds, never a seat offered twice, nothing lost. */
class WaitlistIT extends BookingIT {

    @Autowired
    Waitlists waitlists;
    @Autowired
    BookingStore store;

    @Test
    void seatsThatComeBackAreOfferedToTheFirstEntriesThatFitAndAnOfferNotTakenGoesToTheNext() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 10);
        String full = uuid();
        assertThat(reserve(CatalogData.reserve(full, p, slotId, 10, 0, 0)).text("status")).isEqualTo("ON_HOLD");

        BookingApi b = anotherOperator();
        BookingApi c = anotherOperator();
        BookingApi d = anotherOperator();
        String bUuid = uuid();
        String cUuid = uuid();
        String dUuid = uuid();
        Answer bJoined = b.post("/octo/bookings", waitlist(CatalogData.reserve(bUuid, p, slotId, 4, 0, 0)));
        assertThat(bJoined.status()).as(bJoined.toString()).isEqualTo(200);
        assertThat(bJoined.text("status")).isEqualTo("PENDING");
        assertThat(bJoined.json().path("waitlist").path("state").asString()).isEqualTo("WAITING");
        assertThat(bJoined.json().path("waitlist").path("position").asInt()).isEqualTo(1);
        assertThat(bJoined.json().path("waitlist").path("offerMinutes").asInt()).isEqualTo(120);
        assertThat(c.post("/octo/bookings", waitlist(CatalogData.reserve(cUuid, p, slotId, 8, 0, 0)))
                .json().path("waitlist").path("position").asInt()).isEqualTo(2);
        assertThat(d.post("/octo/bookings", waitlist(CatalogData.reserve(dUuid, p, slotId, 2, 0, 0)))
                .json().path("waitlist").path("position").asInt()).isEqualTo(3);
        // a repeat is the same entry; without "waitlist" a sold-out slot is still refused
        assertThat(b.post("/octo/bookings", waitlist(CatalogData.reserve(bUuid, p, slotId, 4, 0, 0))).text("id"))
                .isEqualTo(bJoined.text("id"));
        assertThat(c.post("/octo/bookings", CatalogData.reserve(uuid(), p, slotId, 1, 0, 0)).text("errorMessage"))
                .startsWith("SOLD_OUT");
        assertThat(ledger(slotId).held()).isEqualTo(10);
        // nothing to confirm on the waitlist, and nothing to change
        Answer early = b.post("/octo/bookings/" + bUuid + "/confirm", CatalogData.CONTACT);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("errorMessage")).contains("WAITLISTED");

        // 10 seats come back: B (4) and D (2) fit, C (8) does not and keeps its place
        assertThat(operator.post("/octo/bookings/" + full + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "ON_HOLD".equals(b.get("/octo/bookings/" + bUuid).text("status"))
                && "ON_HOLD".equals(d.get("/octo/bookings/" + dUuid).text("status")));
        Answer offer = b.get("/octo/bookings/" + bUuid);
        assertThat(offer.json().path("waitlist").path("state").asString()).isEqualTo("OFFERED");
        assertThat(offer.json().path("utcExpiresAt").asString()).isNotEmpty();
        Answer cWaiting = c.get("/octo/bookings/" + cUuid);
        assertThat(cWaiting.text("status")).isEqualTo("PENDING");
        assertThat(cWaiting.json().path("waitlist").path("position").asInt()).isEqualTo(1);
        assertThat(ledger(slotId).held()).isEqualTo(6);
        FakeCatalog.Event offered = catalog.await(bJoined.text("id"), "booking.WaitlistOffered.v1");
        Contracts.assertMatchesSchema(offered.type(), offered.body().toString());
        assertThat(offered.body().path("units").asInt()).isEqualTo(4);

        // B does not take it in time: its hold expires and the seats go to C
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(c.get("/octo/bookings/" + cUuid).text("status")));
        assertThat(b.get("/octo/bookings/" + bUuid).text("status")).isEqualTo("EXPIRED");
        assertThat(c.post("/octo/bookings/" + cUuid + "/confirm", CatalogData.CONTACT).text("status")).isEqualTo("CONFIRMED");
        Ledger after = ledger(slotId);
        assertThat(after.confirmed()).isEqualTo(8);
        assertThat(catalog.count(bJoined.text("id"), "booking.WaitlistOffered.v1")).isEqualTo(1);
    }

    @Test
    void concurrentReleasesAndOfferRunsNeverOfferASeatTwice() throws Exception {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 20);
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String u = uuid();
            assertThat(reserve(CatalogData.reserve(u, p, slotId, 4, 0, 0)).text("status")).isEqualTo("ON_HOLD");
            holders.add(u);
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Answer joined = anotherOperator().post("/octo/bookings", waitlist(CatalogData.reserve(uuid(), p, slotId, 4, 0, 0)));
            assertThat(joined.text("status")).isEqualTo("PENDING");
            entries.add(joined.text("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (String u : holders) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return operator.post("/octo/bookings/" + u + "/cancel", "{}");
                }));
            }
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return waitlists.offer(slotId);
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        waitlists.sweep();
        await().atMost(Duration.ofSeconds(20)).until(() -> offeredOf(entries) == 5);
        List<Booking> stored = entries.stream().map(id -> store.byId(id).orElseThrow()).toList();
        // the five oldest got the 20 seats, the two newest still wait; each offer was made once
        assertThat(stored.subList(0, 5)).allMatch(b -> b.status() == BookingStatus.ON_HOLD);
        assertThat(stored.subList(5, 7)).allMatch(b -> b.status() == BookingStatus.WAITLISTED);
        Ledger l = ledger(slotId);
        assertThat(l.held()).isEqualTo(20);
        assertThat(l.holds()).extracting(Ledger.Entry::bookingId).containsExactlyInAnyOrderElementsOf(entries.subList(0, 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> entries.subList(0, 5).stream()
                .allMatch(id -> catalog.count(id, "booking.WaitlistOffered.v1") == 1));
        assertThat(entries).allMatch(id -> catalog.count(id, "booking.WaitlistOffered.v1") <= 1);
    }

    @Test
    void anOfferCutBetweenItsHoldAndItsBookingIsFinishedAndALeftEntryGetsNothing() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 6);
        String full = uuid();
        assertThat(reserve(CatalogData.reserve(full, p, slotId, 6, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        BookingApi b = anotherOperator();
        String bUuid = uuid();
        String bId = b.post("/octo/bookings", waitlist(CatalogData.reserve(bUuid, p, slotId, 3, 0, 0))).text("id");
        BookingApi c = anotherOperator();
        String cUuid = uuid();
        String cId = c.post("/octo/bookings", waitlist(CatalogData.reserve(cUuid, p, slotId, 3, 0, 0))).text("id");
        // C leaves the waitlist: CANCELLED, no seats to give back
        assertThat(c.post("/octo/bookings/" + cUuid + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");

        // the seats come back directly in the ledger (the process died before the cancel's booking write and its
        // event), then an offer run dies after B's hold: the sweep finishes it
        Booking holder = store.byId(operatorsBooking(full)).orElseThrow();
        seats.release(slotId, holder.id(), "CANCELLED", clock.instant());
        Booking entry = store.byId(bId).orElseThrow();
        assertThat(seats.holdOffered(slotId, entry.operatorId(), bId, 3, entry.requestHash(), clock.instant()).result())
                .isEqualTo(ru.promtour.booking.ledger.SeatLedger.HoldResult.HELD);
        assertThat(store.byId(bId).orElseThrow().status()).isEqualTo(BookingStatus.WAITLISTED);
        waitlists.sweep();
        assertThat(store.byId(bId).orElseThrow().status()).isEqualTo(BookingStatus.ON_HOLD);
        assertThat(store.byId(cId).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(ledger(slotId).hold(cId)).isEmpty();
        assertThat(ledger(slotId).held()).isEqualTo(3);
    }

    private long offeredOf(List<String> ids) {
        return ids.stream().map(id -> store.byId(id).orElseThrow()).filter(b -> b.status() == BookingStatus.ON_HOLD).count();
    }

    private String operatorsBooking(String uuid) {
        return store.byOperatorUuid(operatorId, uuid).orElseThrow().id();
    }

    private BookingApi anotherOperator() {
        String id = "op-" + UUID.randomUUID();
        return operator.as(TestTokens.operator(id, "Оператор " + id.substring(3, 8), id + "@operators.example"));
    }

    private static String waitlist(String reserve) {
        return reserve.replaceFirst("\\{", "{\"waitlist\": true, ");
    }
}
