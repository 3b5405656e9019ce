package ru.promtour.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.reporting.ReportingTest;
import ru.promtour.reporting.testdata.ReportingKafka;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events in on the real broker, facts in the store: a booking's lifecycle, a duplicate event changing nothing, slots
 * and price lists by version; and the rebuild, which replays the topics into a fresh generation and switches to it.
 */
@ReportingTest
class ProjectionIT {

    @Autowired
    ProjectionStore store;
    @Autowired
    Generations generations;
    @Autowired
    MongoOperations mongo;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;
    @LocalServerPort
    int port;

    private final ReportingKafka kafka = new ReportingKafka();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aBookingsEventsBuildItsFactsOnceEach() {
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-KLU", "CONFECTIONERY");
        ReportingKafka.Program program = kafka.program(enterprise, "Как рождается зефир", 80000, 50000);
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2026, 10, 14, 10, 0), 40);
        Instant bookedAt = Instant.parse("2026-09-01T09:00:00Z");
        ReportingKafka.Booking booking = kafka.confirmed(slot, "op-one", 2, 25, bookedAt);
        String cancelId = kafka.lifecycle(booking, "booking.BookingCancelled.v1", Instant.parse("2026-10-14T05:00:00Z"),
                ReportingKafka.map("cancelledBy", "OPERATOR", "reason", "Класс заболел", "cancelledAt", "2026-10-14T05:00:00Z"));
        // the same event delivered again (the relay's resend after a crash): one more copy, same ce_id
        ReportingKafka.Sent cancel = kafka.sent().get(kafka.sent().size() - 1);
        kafka.sendWithId(cancelId, ReportingKafka.BOOKINGS, slot.id(), cancel.type(), booking.id(), cancel.time(), cancel.body());

        BookingFact fact = await().atMost(Duration.ofSeconds(30)).until(
                () -> store.current().bookings(Criteria.where("_id").is(booking.id())),
                list -> !list.isEmpty() && "CANCELLED".equals(list.get(0).status())).get(0);
        assertThat(fact.appliedEvents()).hasSize(2);
        assertThat(fact.revision()).isEqualTo(2);
        assertThat(fact.visitDate()).isEqualTo("2026-10-14");
        assertThat(fact.visitMonth()).isEqualTo("2026-10");
        assertThat(fact.bookedAt()).isEqualTo(bookedAt);
        assertThat(fact.confirmedAt()).isEqualTo(bookedAt);
        assertThat(fact.children()).isEqualTo(25);
        assertThat(fact.adults()).isEqualTo(2);
        assertThat(fact.enterpriseId()).isEqualTo(enterprise.id());
        assertThat(fact.programId()).isEqualTo(program.id());
        // cancelled by the operator 2 h before a 10:00 MSK start with a 24 h window: the fee applies
        assertThat(fact.lateCancellation()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(store.current().slots(Criteria.where("_id").is(slot.id())))
                    .singleElement().satisfies(s -> {
                        assertThat(s.capacity()).isEqualTo(40);
                        assertThat(s.localDate()).isEqualTo("2026-10-14");
                    });
            assertThat(store.current().programs().get(program.id())).satisfies(p -> {
                assertThat(p.region()).isEqualTo("RU-KLU");
                assertThat(p.industry()).isEqualTo("CONFECTIONERY");
                assertThat(p.pricesAt(Instant.now())).hasValueSatisfying(list ->
                        assertThat(list.units()).extracting(ProgramFact.UnitPrice::price).containsExactly(80000L, 50000L));
            });
        });
    }

    @Test
    void anOlderSlotVersionDoesNotOverrideANewerOne() {
        ReportingKafka.Program program = kafka.program(ReportingKafka.Enterprise.fresh("RU-IRK", "ENERGY"), "ГЭС", 60000, 30000);
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2026, 11, 2, 11, 0), 30);
        kafka.slotFact(slot, "catalog.SlotCapacityChanged.v1", "OPEN", 20, 3);
        kafka.slotFact(slot, "catalog.SlotClosed.v1", "CLOSED", 25, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(store.current().slots(Criteria.where("_id").is(slot.id()))).singleElement()
                        .satisfies(s -> {
                            assertThat(s.version()).isEqualTo(3);
                            assertThat(s.capacity()).isEqualTo(20);
                            assertThat(s.status()).isEqualTo("OPEN");
                        }));
    }

    @Test
    void aRebuildReplaysTheTopicsIntoAFreshGenerationAndSwitches() {
        ReportingKafka.Program program = kafka.program(ReportingKafka.Enterprise.fresh("RU-SVE", "METALLURGY"), "Домна", 70000, 40000);
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2026, 9, 20, 12, 0), 30);
        ReportingKafka.Booking booking = kafka.confirmed(slot, "op-two", 10, 0, Instant.parse("2026-09-01T10:00:00Z"));
        int before = generations.current();
        await().atMost(Duration.ofSeconds(30)).until(() -> !store.current().bookings(Criteria.where("_id").is(booking.id())).isEmpty());
        // a bug had corrupted the live projection: the rebuild recounts from the events
        mongo.updateFirst(Query.query(Criteria.where("_id").is(booking.id())), new Update().set("units", 999),
                ProjectionStore.bookings(before));

        TestHttp http = TestHttp.localhost(port).withToken(TestTokens.admin());
        TestHttp.Response started = http.post("/api/v1/reporting/projection/rebuild", "").assertStatus(202);
        assertThat(started.json().path("generation").asInt()).isEqualTo(before + 1);
        // a second request while it runs is 409; with this little to replay it may have finished already
        assertThat(http.post("/api/v1/reporting/projection/rebuild", "").status()).isIn(202, 409);

        await().atMost(Duration.ofSeconds(60)).until(() -> generations.current() > before
                && generations.rebuild().filter(Generations.Rebuild::running).isEmpty());
        assertThat(store.current().bookings(Criteria.where("_id").is(booking.id()))).singleElement()
                .satisfies(f -> assertThat(f.units()).isEqualTo(10));
        // the switch is visible before the old generation's consumers have stopped and its collections are dropped
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.count(new Query(), ProjectionStore.bookings(before))).as("the old generation is dropped").isZero());
        TestHttp.Response state = http.get("/api/v1/reporting/projection").assertStatus(200);
        assertThat(state.json().path("generation").asInt()).isEqualTo(generations.current());
        assertThat(state.json().path("rebuild").path("state").asText()).isEqualTo("DONE");
        // the new generation keeps reading: an event after the switch lands in it
        kafka.cancelled(booking, "SUPPLIER", Instant.parse("2026-09-10T10:00:00Z"), "Плановый ремонт");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("CANCELLED").equals(
                store.current().bookings(Criteria.where("_id").is(booking.id())).stream().map(BookingFact::status).toList()));
    }

    @Test
    void theLagOfTheGenerationItFeedsIsAMetric() {
        ReportingKafka.Program program = kafka.program(ReportingKafka.Enterprise.fresh("RU-TUL", "WEAPONS"), "Самовары", 50000, 25000);
        kafka.slot(program, LocalDateTime.of(2026, 11, 5, 12, 0), 20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registry.find("kafka.consumer.group.lag")
                .tag("group", "reporting-service.g" + generations.current()).tag("topic", ReportingKafka.SLOTS).gauges())
                .isNotEmpty());
    }

    @Test
    void onlyTheAdminTouchesTheProjection() {
        TestHttp http = TestHttp.localhost(port);
        http.withToken(TestTokens.operator("op-x")).post("/api/v1/reporting/projection/rebuild", "").assertStatus(403);
        http.withToken(TestTokens.enterprise("ent-x")).get("/api/v1/reporting/projection").assertStatus(403);
        http.get("/api/v1/reporting/projection").assertStatus(401);
    }
}
