package ru.promtour.booking.route;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.ReserveCommand;
import ru.promtour.booking.booking.operator.OperatorBookings;
import ru.promtour.booking.catalog.RouteView;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** A route booked all-or-nothing over its legs: the saga, its compensation, its crash recovery and its races. */
class RouteBookingIT extends BookingIT {

    @Autowired
    RouteBookings routes;
    @Autowired
    BookingStore store;
    @Autowired
    OperatorBookings bookings;

    /** Two programs in Kaluga, a route over them, and one slot of each on one date: 10:00 and 14:00. */
    private record Kaluga(String routeId, Program pastila, Program cheese, String morning, String afternoon) {
        String chain() {
            return morning + "~" + afternoon;
        }
    }

    private Kaluga kaluga(Program cheese, int morningSeats, int afternoonSeats) {
        Program pastila = Program.instant("Europe/Moscow");
        ZoneId zone = ZoneId.of("Europe/Moscow");
        LocalDate day = LocalDate.now(zone).plusDays(12);
        String morning = slotAt(pastila, day.atTime(10, 0).atZone(zone).toInstant(), morningSeats);
        String afternoon = slotAt(cheese, day.atTime(14, 0).atZone(zone).toInstant(), afternoonSeats);
        String routeId = "route-" + UUID.randomUUID();
        catalog.send(FakeCatalog.EXCURSIONS, "catalog.RouteSaved.v1", routeId, routeId, """
                {"id":"%s","version":1,"title":"Калуга промышленная","region":"RU-KLU","timeZone":"Europe/Moscow",
                 "ownerOperatorId":null,"status":"ACTIVE","at":"%s","legs":[
                  {"position":1,"excursionId":"%s","enterpriseId":"%s","title":"Пастила","earliestLocalTime":"09:00",
                   "latestLocalTime":"12:00","transferMinutes":0,"durationMinutes":90},
                  {"position":2,"excursionId":"%s","enterpriseId":"%s","title":"Сыроварня","earliestLocalTime":"12:00",
                   "latestLocalTime":"17:00","transferMinutes":40,"durationMinutes":90}]}"""
                .formatted(routeId, Instant.now(), pastila.excursionId(), pastila.enterpriseId(), cheese.excursionId(),
                        cheese.enterpriseId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(routeId, RouteView.class) != null);
        return new Kaluga(routeId, pastila, cheese, morning, afternoon);
    }

    private String routeReserve(Kaluga k, String uuid, String chain, int adults) {
        return CatalogData.reserve(uuid, k.pastila(), chain, adults, 0, 0).replace(k.pastila().excursionId(), k.routeId());
    }

    @Test
    void aRouteIsHeldOnEveryLegConfirmedAsOneAndCancelledAsOne() {
        Kaluga k = kaluga(Program.instant("Europe/Moscow"), 40, 40);
        String uuid = uuid();
        Answer held = reserve(routeReserve(k, uuid, k.chain(), 25));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("status")).isEqualTo("ON_HOLD");
        assertThat(held.text("productId")).isEqualTo(k.routeId());
        assertThat(held.text("availabilityId")).isEqualTo(k.chain());
        assertThat(held.json().path("legs")).hasSize(2);
        assertThat(held.json().path("legs").get(1).path("localDateTimeStart").asString()).contains("T14:00");
        assertThat(taken(k.morning())).isEqualTo(25);
        assertThat(taken(k.afternoon())).isEqualTo(25);
        // the same request again is the same route booking; another body with the uuid is refused
        assertThat(reserve(routeReserve(k, uuid, k.chain(), 25)).text("id")).isEqualTo(held.text("id"));
        assertThat(reserve(routeReserve(k, uuid, k.chain(), 24)).status()).isEqualTo(400);

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.text("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        assertThat(ledger(k.morning()).confirmed()).isEqualTo(25);
        assertThat(ledger(k.afternoon()).confirmed()).isEqualTo(25);
        FakeCatalog.Event plan = catalog.await(held.text("id"), "booking.RouteConfirmed.v1");
        Contracts.assertMatchesSchema(plan.type(), plan.body().toString());
        assertThat(plan.body().path("legs")).hasSize(2);
        assertThat(plan.body().path("legs").get(0).path("visit").path("localStart").asString()).contains("T10:00");
        String legId = held.json().path("legs").get(0).path("id").asString();
        FakeCatalog.Event legConfirmed = catalog.await(legId, "booking.BookingConfirmed.v1");
        assertThat(legConfirmed.body().path("routeBookingId").asString()).isEqualTo(held.text("id"));
        Contracts.assertMatchesSchema(legConfirmed.type(), legConfirmed.body().toString());

        Answer cancelled = operator.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"Карантин\"}");
        assertThat(cancelled.text("status")).as(cancelled.toString()).isEqualTo("CANCELLED");
        assertThat(taken(k.morning())).isZero();
        assertThat(taken(k.afternoon())).isZero();
        FakeCatalog.Event off = catalog.await(held.text("id"), "booking.RouteCancelled.v1");
        Contracts.assertMatchesSchema(off.type(), off.body().toString());
        assertThat(off.body().path("cause").asString()).isEqualTo("CANCELLED");
        assertThat(catalog.count(held.text("id"), "booking.RouteConfirmed.v1")).isEqualTo(1);
    }

    @Test
    void aLegRefusedInTheMiddleReleasesTheLegsAlreadyHeldAndLeavesNothingHeld() {
        Kaluga k = kaluga(Program.instant("Europe/Moscow"), 40, 10);
        String uuid = uuid();
        Answer refused = reserve(routeReserve(k, uuid, k.chain(), 12));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.text("errorMessage")).contains("leg 2").contains("no leg is held");
        assertThat(taken(k.morning())).isZero();
        assertThat(taken(k.afternoon())).isZero();
        RouteBooking failed = mongo.findById(OperatorBookings.bookingId(operatorId, uuid), RouteBooking.class);
        assertThat(failed.status()).isEqualTo(RouteBooking.Status.FAILED);
        assertThat(store.byId(failed.legs().get(0).bookingId()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        // the same request again gets the same refusal and holds nothing
        assertThat(reserve(routeReserve(k, uuid, k.chain(), 12)).text("errorMessage")).contains("leg 2");
        assertThat(taken(k.morning())).isZero();
        // an availability that does not fit the route is named as such
        Answer wrong = reserve(routeReserve(k, uuid(), k.afternoon() + "~" + k.morning(), 2));
        assertThat(wrong.text("error")).isEqualTo("INVALID_AVAILABILITY_ID");
    }

    @Test
    void aCrashBetweenLegsIsCompensatedByTheSweepAndAFinishedOneIsCompleted() {
        Kaluga k = kaluga(Program.instant("Europe/Moscow"), 40, 40);
        // the process died after the first leg: the route HOLDING, one leg held
        RouteBooking cut = holding(k, uuid(), 1);
        // and another died after both legs, before the route's own write
        RouteBooking whole = holding(k, uuid(), 2);
        assertThat(taken(k.morning())).isEqualTo(6);
        assertThat(taken(k.afternoon())).isEqualTo(3);
        assertThat(routes.sweep(Duration.ofSeconds(60))).as("still in its grace").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(routes.sweep(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(mongo.findById(cut.id(), RouteBooking.class).status()).isEqualTo(RouteBooking.Status.FAILED);
        assertThat(mongo.findById(whole.id(), RouteBooking.class).status()).isEqualTo(RouteBooking.Status.ON_HOLD);
        assertThat(taken(k.morning())).isEqualTo(3);
        assertThat(taken(k.afternoon())).isEqualTo(3);
        assertThat(ledger(k.morning()).holds()).extracting(e -> e.bookingId()).containsExactly(whole.legs().get(0).bookingId());
        assertThat(routes.sweep(Duration.ofSeconds(60))).isZero();
    }

    @Test
    void twoOperatorsRacingForTheLastSeatsOfOneLegGetOneRouteAndNothingHalfHeld() throws Exception {
        Kaluga k = kaluga(Program.instant("Europe/Moscow"), 40, 10);
        List<BookingApi> operators = List.of(operator,
                operator.as(TestTokens.operator("op-" + UUID.randomUUID(), "Калуга-Тур", "kaluga@tours.example")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> calls = new ArrayList<>();
        try {
            for (BookingApi api : operators) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.post("/octo/bookings", routeReserve(k, uuid(), k.chain(), 10));
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> call : calls) {
                answers.add(call.get());
            }
            assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(a -> a.status() == 400).singleElement()
                    .satisfies(a -> assertThat(a.text("errorMessage")).contains("leg 2"));
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(taken(k.morning())).isEqualTo(10);
        assertThat(taken(k.afternoon())).isEqualTo(10);
    }

    @Test
    void anOnRequestLegKeepsTheRouteWaitingUntilApprovedAndADeclineReleasesEveryLeg() {
        Kaluga k = kaluga(Program.instant("Europe/Moscow").onRequest(), 40, 40);
        BookingApi cheeseMaker = operator.as(TestTokens.enterprise(k.cheese().enterpriseId()));

        String approvedUuid = uuid();
        String approvedId = reserve(routeReserve(k, approvedUuid, k.chain(), 5)).text("id");
        assertThat(operator.post("/octo/bookings/" + approvedUuid + "/confirm", CatalogData.CONTACT).text("status"))
                .isEqualTo("PENDING");
        String approvedLeg = legOf(approvedId, 2);
        assertThat(cheeseMaker.post("/api/v1/bookings/" + approvedLeg + "/approve", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CONFIRMED".equals(operator.get("/octo/bookings/" + approvedUuid).text("status")));
        catalog.await(approvedId, "booking.RouteConfirmed.v1");

        String declinedUuid = uuid();
        String declinedId = reserve(routeReserve(k, declinedUuid, k.chain(), 4)).text("id");
        assertThat(operator.post("/octo/bookings/" + declinedUuid + "/confirm", CatalogData.CONTACT).text("status"))
                .isEqualTo("PENDING");
        assertThat(cheeseMaker.post("/api/v1/bookings/" + legOf(declinedId, 2) + "/decline",
                "{\"reason\":\"Санитарный день\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "CANCELLED".equals(operator.get("/octo/bookings/" + declinedUuid).text("status")));
        JsonNode off = catalog.await(declinedId, "booking.RouteCancelled.v1").body();
        assertThat(off.path("cause").asString()).isEqualTo("DECLINED");
        assertThat(off.path("reason").asString()).isEqualTo("Санитарный день");
        // only the approved route's seats remain: 5 sold on each leg
        assertThat(ledger(k.morning()).confirmed()).isEqualTo(5);
        assertThat(taken(k.morning())).isEqualTo(5);
        assertThat(taken(k.afternoon())).isEqualTo(5);
    }

    /** A route booking as a process that died mid-saga leaves it: HOLDING, the first {@code legsHeld} legs reserved. */
    private RouteBooking holding(Kaluga k, String uuid, int legsHeld) {
        String id = OperatorBookings.bookingId(operatorId, uuid);
        List<RouteBooking.Leg> legs = new ArrayList<>();
        String[] slots = {k.morning(), k.afternoon()};
        Program[] programs = {k.pastila(), k.cheese()};
        for (int i = 0; i < 2; i++) {
            String legUuid = UUID.randomUUID().toString();
            legs.add(new RouteBooking.Leg(i + 1, programs[i].excursionId(), slots[i], legUuid,
                    OperatorBookings.bookingId(operatorId, legUuid)));
        }
        Instant now = clock.instant();
        RouteBooking r = new RouteBooking(id, uuid, operatorId, k.routeId(), "Калуга промышленная", "RU-KLU", k.chain(),
                "2026-12-17", 3, legs, RouteBooking.Status.HOLDING, "hash", "R-TEST", null, now, now, null, null, 0);
        mongo.insert(r);
        Booking.Operator op = new Booking.Operator(operatorId, OPERATOR_NAME, OPERATOR_EMAIL);
        for (int i = 0; i < legsHeld; i++) {
            RouteBooking.Leg leg = legs.get(i);
            ReserveCommand command = new ReserveCommand(leg.uuid(), leg.excursionId(), "DEFAULT", leg.slotId(), null, null,
                    List.of(new ReserveCommand.UnitItemInput(null, "adult", null, null, null),
                            new ReserveCommand.UnitItemInput(null, "adult", null, null, null),
                            new ReserveCommand.UnitItemInput(null, "adult", null, null, null)), null, null);
            assertThat(bookings.reserveLeg(op, command, id).status()).isEqualTo(BookingStatus.ON_HOLD);
        }
        mongo.updateFirst(query(where("_id").is(id)), new Update().set("utcUpdatedAt", now), RouteBooking.class);
        return r;
    }

    private String legOf(String routeBookingId, int position) {
        return mongo.findById(routeBookingId, RouteBooking.class).legs().get(position - 1).bookingId();
    }
}
