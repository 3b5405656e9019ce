package ru.promtour.catalog.slot;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.catalog.slot.SeatInventory.Outcome;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.SeatSagaKafka;
import ru.promtour.catalog.testdata.SeatSagaKafka.Answer;
import ru.promtour.security.test.TestSecurityConfiguration;
import ru.promtour.security.test.TestTokens;
import ru.promtour.test.infra.ImportTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seat saga end to end on the real broker and store: booking events in on {@code booking.bookings.v1},
 * answers out on {@code catalog.slots.v1}, counts checked in the slot document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SeatSagaIT {

    static final String HELD = "catalog.SeatsHeld.v1";
    static final String REJECTED = "catalog.SeatsRejected.v1";
    static final String CONFIRMED = "catalog.SeatsConfirmed.v1";
    static final String RELEASED = "catalog.SeatsReleased.v1";
    /** Slots of the race: 20 slots x 500 requests, as the issue asks. */
    static final int RACE_SLOTS = 20;

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;
    @Autowired
    SeatInventory seats;

    Api owner;
    String excursionId;
    SeatSagaKafka kafka;
    int nextDay;

    @BeforeEach
    void setUp() {
        Api admin = new Api("http://localhost:" + port, TestTokens.admin());
        String enterpriseId = CatalogData.uniqueEnterpriseId();
        admin.post("/api/v1/enterprises", CatalogData.enterprise(enterpriseId, "Europe/Moscow"));
        owner = admin.as(TestTokens.enterprise(enterpriseId));
        excursionId = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        kafka = new SeatSagaKafka();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private String slot(int capacity) {
        nextDay++;
        Api.Response created = owner.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"2099-01-01T10:00\",\"capacity\":%d}".formatted(capacity).replace("2099-01-01",
                        java.time.LocalDate.of(2099, 1, 1).plusDays(nextDay).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private Document state(String slotId) {
        return mongo.findById(slotId, Document.class, Slot.COLLECTION);
    }

    private static int sum(Document slot, String array) {
        return slot.getList(array, Document.class).stream().mapToInt(d -> d.getInteger("units")).sum();
    }

    private static void assertConsistent(Document slot) {
        int held = slot.getInteger("held");
        int confirmed = slot.getInteger("confirmed");
        assertThat(held).isGreaterThanOrEqualTo(0).isEqualTo(sum(slot, "holds"));
        assertThat(confirmed).isGreaterThanOrEqualTo(0).isEqualTo(sum(slot, "confirmedBookings"));
        assertThat(held + confirmed).isLessThanOrEqualTo(slot.getInteger("capacity"));
    }

    private static long count(List<Answer> answers, String type) {
        return answers.stream().filter(a -> a.type().equals(type)).count();
    }

    private static String booking() {
        return "bk-" + UUID.randomUUID();
    }

    /** Sends a request of a fresh booking and waits for its answer: everything sent before on that slot was handled. */
    private List<Answer> barrier(String slotId) {
        String marker = booking();
        kafka.requested(slotId, marker, 1);
        return kafka.awaitAnswers(Set.of(slotId), all -> all.stream().anyMatch(a -> a.bookingId().equals(marker)));
    }

    @Test
    void fiveHundredRequestsForFortySeatsHoldExactlyFortyOnEverySlot() {
        List<String> slots = IntStream.range(0, RACE_SLOTS).mapToObj(i -> slot(40)).toList();
        long startedAt = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            for (String slotId : slots) {
                kafka.requested(slotId, booking(), 1);
            }
        }
        List<Answer> answers = kafka.awaitAnswers(slots, all -> all.size() >= 500 * slots.size(), java.time.Duration.ofMinutes(6));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.printf("[seat-saga] race: %d slots x 500 requests answered in %.2f s = %.0f requests/s over Kafka (%d held)%n",
                slots.size(), seconds, 500 * slots.size() / seconds, 40 * slots.size());
        Map<String, List<Answer>> bySlot = answers.stream().collect(Collectors.groupingBy(Answer::slotId));
        for (String slotId : slots) {
            List<Answer> mine = bySlot.get(slotId);
            assertThat(mine).hasSize(500);
            assertThat(count(mine, HELD)).as(slotId).isEqualTo(40);
            assertThat(mine.stream().filter(a -> a.type().equals(REJECTED) && a.reason().equals("SOLD_OUT")).count()).isEqualTo(460);
            assertThat(mine.stream().map(Answer::bookingId).distinct().count()).isEqualTo(500);
            Document state = state(slotId);
            assertThat(state.getInteger("held")).isEqualTo(40);
            assertConsistent(state);
        }
    }

    @Test
    void holdsPerSecondOnOneSlotOverKafka() {
        String slotId = slot(1000);
        long startedAt = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            kafka.requested(slotId, booking(), 1);
        }
        List<Answer> answers = kafka.awaitAnswers(Set.of(slotId), all -> all.size() >= 500);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.printf("[seat-saga] one slot: 500 holds over Kafka in %.2f s = %.0f holds/s%n", seconds, 500 / seconds);
        assertThat(count(answers, HELD)).isEqualTo(500);
        assertThat(state(slotId).getInteger("held")).isEqualTo(500);
    }

    @Test
    void sixteenThreadsCallingTheInventoryDirectlyNeverOversell() throws Exception {
        String slotId = slot(40);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String bookingId = booking();
            results.add(pool.submit(() -> {
                start.await();
                return seats.hold(slotId, bookingId, 1);
            }));
        }
        long startedAt = System.nanoTime();
        start.countDown();
        Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);
        for (Future<Outcome> f : results) {
            outcomes.merge(f.get(60, TimeUnit.SECONDS), 1L, Long::sum);
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        pool.shutdown();
        System.out.printf("[seat-saga] one slot, 16 threads, no Kafka: 400 requests (40 held) in %.2f s = %.0f requests/s%n",
                seconds, 400 / seconds);
        assertThat(outcomes).containsEntry(Outcome.HELD, 40L).containsEntry(Outcome.REJECTED, 360L);
        Document state = state(slotId);
        assertThat(state.getInteger("held")).isEqualTo(40);
        assertConsistent(state);

        // many slots, 16 threads, all fit: holds/s across slots
        List<String> many = IntStream.range(0, 16).mapToObj(i -> slot(100)).toList();
        ExecutorService pool2 = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (String s : many) {
            all.add(pool2.submit(() -> IntStream.range(0, 100).forEach(i -> seats.hold(s, booking(), 1))));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        double s2 = (System.nanoTime() - t0) / 1e9;
        pool2.shutdown();
        System.out.printf("[seat-saga] 16 slots, one thread each, no Kafka: 1600 holds in %.2f s = %.0f holds/s%n", s2, 1600 / s2);
        many.forEach(s -> assertThat(state(s).getInteger("held")).isEqualTo(100));
    }

    @Test
    void theSameRequestTwiceHoldsOnce() {
        String slotId = slot(10);
        String bk = booking();
        String json = SeatSagaKafka.requestedJson(slotId, bk, 3);
        String eventId = UUID.randomUUID().toString();
        kafka.sendWithId(eventId, "booking.BookingRequested.v1", slotId, bk, json);
        kafka.sendWithId(eventId, "booking.BookingRequested.v1", slotId, bk, json);               // redelivery
        kafka.send("booking.BookingRequested.v1", slotId, bk, json);                               // a re-publish, new id
        List<Answer> answers = barrier(slotId);
        assertThat(answers.stream().filter(a -> a.bookingId().equals(bk)).toList())
                .singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(HELD));
        Document state = state(slotId);
        assertThat(state.getInteger("held")).isEqualTo(3 + 1);
        assertConsistent(state);
    }

    @Test
    void aReleaseBeforeItsHoldChangesNothingAndTheLaterHoldHolds() {
        String slotId = slot(10);
        String bk = booking();
        kafka.cancelled(slotId, bk, 4);
        kafka.expired(slotId, bk, 4);
        List<Answer> answers = barrier(slotId);
        assertThat(answers.stream().filter(a -> a.bookingId().equals(bk))).isEmpty();
        assertThat(state(slotId).getInteger("held")).isEqualTo(1);
        kafka.requested(slotId, bk, 4);   // documented: the booking service never requests after its own cancel
        answers = kafka.awaitAnswers(Set.of(slotId), all -> all.stream().anyMatch(a -> a.bookingId().equals(bk)));
        assertThat(count(answers, HELD)).isEqualTo(2);
        assertThat(state(slotId).getInteger("held")).isEqualTo(5);
        assertConsistent(state(slotId));
    }

    @Test
    void aDoubleReleaseReleasesOnceByTheStoredUnitsAndALateRequestDoesNotHoldAgain() {
        String slotId = slot(10);
        String bk = booking();
        kafka.requested(slotId, bk, 4);
        kafka.cancelled(slotId, bk, 9);     // the event's units are wrong on purpose: the stored 4 are released
        kafka.cancelled(slotId, bk, 9);
        kafka.declined(slotId, bk, 9);
        kafka.requested(slotId, bk, 4);     // a late duplicate of the request (new event id)
        List<Answer> answers = barrier(slotId);
        List<Answer> mine = answers.stream().filter(a -> a.bookingId().equals(bk)).toList();
        assertThat(mine).extracting(Answer::type).containsExactly(HELD, RELEASED);
        assertThat(mine.get(1).body().path("units").asInt()).isEqualTo(4);
        assertThat(mine.get(1).body().path("cause").asString()).isEqualTo("CANCELLED");
        assertThat(mine.get(1).body().path("held").asInt()).isZero();
        Document state = state(slotId);
        assertThat(state.getInteger("held")).isEqualTo(1);
        assertConsistent(state);
    }

    @Test
    void confirmMovesTheHoldOnceAndACancelledConfirmedBookingGivesItsSeatsBack() {
        String slotId = slot(10);
        String bk = booking();
        kafka.confirmed(slotId, booking(), 2);   // unknown hold: nothing
        kafka.requested(slotId, bk, 4);
        kafka.confirmed(slotId, bk, 4);
        kafka.confirmed(slotId, bk, 4);          // duplicate: nothing
        List<Answer> answers = barrier(slotId);
        assertThat(answers.stream().filter(a -> a.bookingId().equals(bk))).extracting(Answer::type)
                .containsExactly(HELD, CONFIRMED);
        assertThat(count(answers, CONFIRMED)).isEqualTo(1);
        Document state = state(slotId);
        assertThat(state.getInteger("held")).isEqualTo(1);
        assertThat(state.getInteger("confirmed")).isEqualTo(4);
        assertConsistent(state);

        kafka.cancelled(slotId, bk, 4);
        kafka.cancelled(slotId, bk, 4);
        answers = barrier(slotId);
        assertThat(answers.stream().filter(a -> a.bookingId().equals(bk))).extracting(Answer::type)
                .containsExactly(HELD, CONFIRMED, RELEASED);
        state = state(slotId);
        assertThat(state.getInteger("confirmed")).isZero();
        assertThat(state.getInteger("held")).isEqualTo(2);
        assertConsistent(state);
    }

    @Test
    void anApprovalSellsTheHeldSeatsOnceLikeAConfirm() {
        String slotId = slot(10);
        String bk = booking();
        kafka.requested(slotId, bk, 6);
        kafka.approved(slotId, bk, 6);
        kafka.approved(slotId, bk, 6);          // duplicate: nothing
        List<Answer> answers = barrier(slotId);
        assertThat(answers.stream().filter(a -> a.bookingId().equals(bk))).extracting(Answer::type)
                .containsExactly(HELD, CONFIRMED);
        Document state = state(slotId);
        assertThat(state.getInteger("confirmed")).isEqualTo(6);
        assertThat(state.getInteger("held")).isEqualTo(1);
        assertConsistent(state);
    }

    @Test
    void resizeGrowsWithinCapacityShrinksByTheDifferenceAndRejectsWhatDoesNotFit() {
        String slotId = slot(10);
        String bk = booking();
        kafka.requested(slotId, bk, 4);
        kafka.resized(slotId, bk, "r1", 6, 4);    // grow by 2 → held 6
        kafka.resized(slotId, bk, "r1", 6, 4);    // duplicate → nothing
        kafka.resized(slotId, bk, "r2", 12, 6);   // grow by 6 does not fit → rejected
        kafka.resized(slotId, bk, "r3", 3, 6);    // shrink by 3 → held 3
        kafka.confirmed(slotId, bk, 3);
        kafka.resized(slotId, bk, "r4", 5, 3);    // grow a confirmed booking → confirmed 5
        List<Answer> mine = kafka.awaitAnswers(Set.of(slotId), all -> all.size() >= 6);
        assertThat(mine).extracting(Answer::type).containsExactly(HELD, HELD, REJECTED, RELEASED, CONFIRMED, HELD);
        assertThat(mine.get(1).body().path("requestId").asString()).isEqualTo("r1");
        assertThat(mine.get(1).body().path("units").asInt()).isEqualTo(2);
        assertThat(mine.get(2).body().path("requestId").asString()).isEqualTo("r2");
        assertThat(mine.get(2).reason()).isEqualTo("SOLD_OUT");
        assertThat(mine.get(3).body().path("cause").asString()).isEqualTo("RESIZED");
        assertThat(mine.get(3).body().path("units").asInt()).isEqualTo(3);
        assertThat(mine.get(5).body().path("confirmed").asInt()).isEqualTo(5);
        Document state = state(slotId);
        assertThat(state.getInteger("held")).isZero();
        assertThat(state.getInteger("confirmed")).isEqualTo(5);
        assertConsistent(state);
    }

    @Test
    void capacityDecreasesRacingWithHoldsNeverEndAboveCapacity() throws Exception {
        String slotId = slot(40);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        Thread patcher = new Thread(() -> {
            while (running.get()) {
                int capacity = ThreadLocalRandom.current().nextInt(5, 41);
                statuses.add(owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":" + capacity + "}").status());
            }
        });
        patcher.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Outcome>> direct = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            kafka.requested(slotId, booking(), 1);
            direct.add(pool.submit(() -> seats.hold(slotId, booking(), 1)));
        }
        kafka.awaitAnswers(Set.of(slotId), all -> all.size() >= 100);
        for (Future<Outcome> f : direct) {
            f.get(60, TimeUnit.SECONDS);
        }
        running.set(false);
        patcher.join();
        pool.shutdown();
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 200 || s == 409);
        Document state = state(slotId);
        assertConsistent(state);
        System.out.printf("[seat-saga] capacity race: %d PATCHes (%d refused), end state capacity %d, held %d%n",
                statuses.size(), statuses.stream().filter(s -> s == 409).count(), state.getInteger("capacity"), state.getInteger("held"));
    }

    @Test
    void closedCancelledUnknownAndPastCutoffSlotsAreRejectedWithTheirReason() {
        String closed = slot(10);
        String cancelled = slot(10);
        assertThat(owner.post("/api/v1/slots/" + closed + "/close", null).status()).isEqualTo(200);
        assertThat(owner.post("/api/v1/slots/" + cancelled + "/cancel", "{\"reason\":\"Авария\"}").status()).isEqualTo(200);
        String soon = owner.post("/api/v1/excursions/" + excursionId + "/slots", "{\"localStart\":\"%s\",\"capacity\":10}"
                .formatted(LocalDateTime.now(ZoneId.of("Europe/Moscow")).plusHours(1).withSecond(0).withNano(0)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")))).text("id");
        String unknown = "slot-unknown-" + UUID.randomUUID();
        String bk = booking();
        kafka.requested(closed, booking(), 1);
        kafka.requested(cancelled, booking(), 1);
        kafka.requested(soon, booking(), 1);
        kafka.requested(unknown, bk, 2);
        kafka.requested(unknown, bk, 2);   // re-published: rejected once
        List<Answer> answers = kafka.awaitAnswers(List.of(closed, cancelled, soon, unknown), all -> all.size() >= 4);
        assertThat(kafka.of(List.of(closed))).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("SLOT_CLOSED"));
        assertThat(kafka.of(List.of(cancelled))).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("SLOT_CANCELLED"));
        assertThat(kafka.of(List.of(soon))).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("CUTOFF_PASSED"));
        assertThat(kafka.of(List.of(unknown))).singleElement().satisfies(a -> {
            assertThat(a.reason()).isEqualTo("UNKNOWN_SLOT");
            assertThat(a.body().has("available")).isFalse();
        });
        assertThat(answers).allMatch(a -> a.type().equals(REJECTED));
        // a later request on the same key is answered after the re-published one: that one was not answered again
        String bk2 = booking();
        kafka.requested(unknown, bk2, 1);
        kafka.awaitAnswers(List.of(unknown), all -> all.stream().anyMatch(a -> a.bookingId().equals(bk2)));
        assertThat(kafka.of(List.of(unknown))).extracting(Answer::bookingId).containsExactly(bk, bk2);
        assertThat(mongo.findById(bk, Document.class, SeatRequest.COLLECTION)).isNotNull();
        assertThat(state(closed).getInteger("held")).isZero();
    }
}
