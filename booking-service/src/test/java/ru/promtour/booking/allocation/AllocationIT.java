package ru.promtour.booking.allocation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

/** Allocations through the API and the ledger: kept apart from free sale, drawn on first, released exactly once. */
class AllocationIT extends BookingIT {

    @Autowired
    Allocations allocations;

    @Test
    void anAllocationKeepsSeatsForItsOperatorUntilItsDateThenGivesTheUnbookedOnesToFreeSaleOnce() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(20), 40);
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));
        Instant releaseAt = clock.instant().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);

        Answer created = enterprise.post("/api/v1/allocations", """
                {"operatorId": "%s", "slotId": "%s", "units": 20, "releaseAt": "%s"}""".formatted(operatorId, slotId, releaseAt));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().path("slots").get(0).path("left").asInt()).isEqualTo(20);
        assertThat(ledger(slotId).available()).isEqualTo(20);
        assertThat(ledger(slotId).availableTo(operatorId)).isEqualTo(40);

        // another operator gets free sale only
        BookingApi other = operator.as(TestTokens.operator("op-" + UUID.randomUUID(), "Другой", "other@example.org"));
        assertThat(other.post("/octo/bookings", CatalogData.reserve(uuid(), p, slotId, 20, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        Answer soldOut = other.post("/octo/bookings", CatalogData.reserve(uuid(), p, slotId, 1, 0, 0));
        assertThat(soldOut.status()).isEqualTo(400);
        assertThat(soldOut.text("errorMessage")).startsWith("SOLD_OUT");

        // the allocation's operator books from it, confirms, cancels one: the seats go back to the allocation
        String kept = uuid();
        assertThat(reserve(CatalogData.reserve(kept, p, slotId, 12, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        assertThat(operator.post("/octo/bookings/" + kept + "/confirm", CatalogData.CONTACT).text("status")).isEqualTo("CONFIRMED");
        String cancelled = uuid();
        assertThat(reserve(CatalogData.reserve(cancelled, p, slotId, 5, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        assertThat(ledger(slotId).allocations().get(operatorId).left()).isEqualTo(3);
        Answer tooMany = reserve(CatalogData.reserve(uuid(), p, slotId, 4, 0, 0));
        assertThat(tooMany.text("errorMessage")).as("3 left, free sale empty").startsWith("SOLD_OUT");
        assertThat(operator.post("/octo/bookings/" + cancelled + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");
        Ledger afterCancel = ledger(slotId);
        assertThat(afterCancel.allocations().get(operatorId).left()).isEqualTo(8);
        assertThat(afterCancel.allotted()).isEqualTo(8);
        assertThat(afterCancel.available()).isZero();
        assertThat(afterCancel.sold()).filteredOn(e -> id.equals(e.pool())).extracting(Ledger.Entry::units).containsExactly(12);

        // the operator sees it with the ledger's figures; another operator and another enterprise do not
        Answer seen = operator.get("/api/v1/allocations/" + id);
        assertThat(seen.json().path("slots").get(0).path("used").asInt()).isEqualTo(12);
        assertThat(seen.json().path("slots").get(0).path("left").asInt()).isEqualTo(8);
        assertThat(other.get("/api/v1/allocations/" + id).status()).isEqualTo(404);
        assertThat(operator.as(TestTokens.enterprise("ent-" + UUID.randomUUID())).get("/api/v1/allocations/" + id).status())
                .isEqualTo(404);
        assertThat(operator.get("/api/v1/allocations").json()).hasSize(1);
        assertThat(other.get("/api/v1/allocations").json()).isEmpty();

        // the date comes: two sweeps at once (two instances) release it once
        clock.set(releaseAt.plusSeconds(1));
        releaseConcurrently(4);
        Ledger released = ledger(slotId);
        assertThat(released.allotted()).isZero();
        assertThat(released.available()).isEqualTo(8);
        assertThat(released.allocations().get(operatorId).released()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.all().stream()
                .anyMatch(e -> "booking.AllocationReleased.v1".equals(e.type()) && slotId.equals(e.slotId())));
        List<FakeCatalog.Event> releases = catalog.all().stream()
                .filter(e -> "booking.AllocationReleased.v1".equals(e.type()) && slotId.equals(e.slotId())).toList();
        assertThat(releases).hasSize(1);
        Contracts.assertMatchesSchema(releases.get(0).type(), releases.get(0).body().toString());
        assertThat(releases.get(0).body().path("returned").asInt()).isEqualTo(8);
        assertThat(releases.get(0).body().path("used").asInt()).isEqualTo(12);
        assertThat(enterprise.get("/api/v1/allocations/" + id).text("status")).isEqualTo("RELEASED");
        // the released seats are free sale now; the allocation's sale stays sold
        assertThat(other.post("/octo/bookings", CatalogData.reserve(uuid(), p, slotId, 8, 0, 0)).text("status")).isEqualTo("ON_HOLD");
        assertThat(ledger(slotId).confirmed()).isEqualTo(12);
        assertThat(allocations.releaseDue(10)).isZero();
    }

    @Test
    void aScheduleAllocationCoversTheMatchingSlotsAndTheOnesPublishedLaterButNotOthers() {
        Program p = Program.instant("Asia/Yekaterinburg");
        ZoneId zone = ZoneId.of(p.timeZone());
        LocalDate monday = LocalDate.now(zone).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        String mondaySlot = slotAt(p, monday.atTime(10, 0).atZone(zone).toInstant(), 40);
        String tuesdaySlot = slotAt(p, monday.plusDays(1).atTime(10, 0).atZone(zone).toInstant(), 40);
        String tuesdayAfternoon = slotAt(p, monday.plusDays(1).atTime(15, 0).atZone(zone).toInstant(), 40);
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));

        Answer created = enterprise.post("/api/v1/allocations", """
                {"operatorId": "%s", "excursionId": "%s", "units": 20, "releaseAt": "%s",
                 "schedule": {"from": "%s", "to": "%s", "weekdays": ["TUESDAY"], "localTimes": ["10:00"]}}"""
                .formatted(operatorId, p.excursionId(), clock.instant().plus(Duration.ofDays(7)), monday, monday.plusDays(14)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().path("slots")).hasSize(1);
        assertThat(created.json().path("slots").get(0).path("slotId").asString()).isEqualTo(tuesdaySlot);
        assertThat(ledger(mondaySlot).allotted()).isZero();
        assertThat(ledger(tuesdayAfternoon).allotted()).isZero();
        assertThat(ledger(tuesdaySlot).allotted()).isEqualTo(20);

        // a Tuesday 10:00 published later gets it too, once even when its event comes twice
        Instant nextTuesday = monday.plusDays(8).atTime(10, 0).atZone(zone).toInstant();
        String later = slotAt(p, nextTuesday, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(later).allotted() == 20);
        catalog.slot(later, p, nextTuesday, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.all().stream()
                .filter(e -> "booking.AllocationGranted.v1".equals(e.type())).count() >= 2);
        assertThat(enterprise.get("/api/v1/allocations/" + id).json().path("slots")).hasSize(2);
        assertThat(ledger(later).allotted()).isEqualTo(20);

        // the capacity cannot go below what is sold plus what is allotted
        String request = catalog.change(tuesdaySlot, "CAPACITY", 15, null);
        FakeCatalog.Event refused = catalog.answer(request);
        assertThat(refused.body().path("reason").asString()).isEqualTo("BELOW_ALLOTTED");

        // withdrawn early: every slot's seats go back, and a second withdrawal is a conflict
        Answer withdrawn = enterprise.call("DELETE", "/api/v1/allocations/" + id, null);
        assertThat(withdrawn.text("status")).as(withdrawn.toString()).isEqualTo("WITHDRAWN");
        assertThat(ledger(tuesdaySlot).allotted()).isZero();
        assertThat(ledger(later).allotted()).isZero();
        assertThat(ledger(later).available()).isEqualTo(40);
        assertThat(enterprise.call("DELETE", "/api/v1/allocations/" + id, null).status()).isEqualTo(409);
    }

    @Test
    void badRequestsAreRefusedWithTheirReasonAndNothingIsGranted() {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(20), 10);
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));
        String future = clock.instant().plus(Duration.ofDays(3)).toString();
        String body = """
                {"operatorId": "%s", "slotId": "%s", "units": %d, "releaseAt": "%s"}""";

        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 0, future)), 400, "units");
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted("op.x", slotId, 2, future)), 400, "operatorId");
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 2, "tomorrow")), 400, "releaseAt");
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 2,
                clock.instant().minusSeconds(60))), 400, "future");
        assertProblem(enterprise.post("/api/v1/allocations", """
                {"operatorId": "%s", "units": 2, "releaseAt": "%s"}""".formatted(operatorId, future)), 400, "slotId");
        assertProblem(enterprise.post("/api/v1/allocations", """
                {"operatorId": "%s", "excursionId": "%s", "units": 2, "releaseAt": "%s",
                 "schedule": {"from": "2026-10-01", "to": "2026-09-01"}}""".formatted(operatorId, p.excursionId(), future)),
                400, "schedule.to");
        assertProblem(enterprise.post("/api/v1/allocations", "not json"), 400, null);
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 2, future)
                .replace("\"units\": 2", "\"units\": 1.5")), 400, null);
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 11, future)), 409, "free sale");
        assertProblem(operator.as(TestTokens.enterprise("ent-" + UUID.randomUUID()))
                .post("/api/v1/allocations", body.formatted(operatorId, slotId, 2, future)), 404, null);
        assertProblem(operator.post("/api/v1/allocations", body.formatted(operatorId, slotId, 2, future)), 403, null);
        assertThat(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 4, future)).status()).isEqualTo(201);
        assertProblem(enterprise.post("/api/v1/allocations", body.formatted(operatorId, slotId, 2, future)), 409, "already has");
        assertThat(ledger(slotId).allotted()).isEqualTo(4);
        assertProblem(enterprise.get("/api/v1/allocations?status=SOMETIMES"), 400, "status");
        assertProblem(enterprise.get("/api/v1/allocations/alloc-nope"), 404, null);
    }

    private void assertProblem(Answer answer, int status, String mentions) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.text("title")).isNotBlank();
        if (mentions != null) {
            assertThat(answer.text("detail")).contains(mentions);
        }
    }


    private void releaseConcurrently(int sweeps) {
        ExecutorService pool = Executors.newFixedThreadPool(sweeps);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < sweeps; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return allocations.releaseDue(10);
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
        finally {
            pool.shutdownNow();
        }
    }
}
