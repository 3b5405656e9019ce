package ru.promtour.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.SlotView;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.security.test.TestSecurityConfiguration;
import ru.promtour.security.test.TestTokens;
import ru.promtour.test.infra.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seat saga with the REAL catalog service: its Spring Boot application runs in this JVM with its own
 * context, port and database (its classes are on the failsafe classpath only), on the same broker. The
 * catalog's own events feed the booking projection; every step is checked in the catalog's seat counts.
 */
class FullSagaIT extends BookingIT {

    private static ConfigurableApplicationContext catalogApp;
    private static String catalogUrl;

    @BeforeAll
    static void startTheRealCatalog() throws ClassNotFoundException {
        Class<?> application = Class.forName("ru.promtour.catalog.CatalogServiceApplication");
        TestInfrastructure infra = TestInfrastructure.get();
        // arguments, not default properties: they must win over the booking service's application.yml on this classpath
        catalogApp = new SpringApplicationBuilder(application, TestSecurityConfiguration.class)
                .run("--server.port=0", "--spring.application.name=catalog-service",
                        "--spring.mongodb.uri=" + infra.mongoUri(),
                        "--spring.mongodb.database=catalog-saga-" + UUID.randomUUID().toString().substring(0, 8),
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.jmx.enabled=false", "--platform.security.public-paths=/api/v1/catalog/**");
        catalogUrl = "http://localhost:" + catalogApp.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheRealCatalog() {
        if (catalogApp != null) {
            catalogApp.close();
        }
    }

    private record Setup(String excursionId, String enterpriseId, String adultUnit, String slotId, BookingApi owner) {
    }

    private Setup programWithSlot(String timeZone, int capacity, int day) {
        BookingApi admin = new BookingApi(catalogUrl, TestTokens.admin());
        String enterpriseId = "ent-saga-" + UUID.randomUUID().toString().substring(0, 8);
        Answer enterprise = admin.post("/api/v1/enterprises", """
                {"id":"%s","name":"Иркутская ГЭС","legalName":"ПАО","region":"RU-IRK","city":"Иркутск",
                 "address":"ул. Лермонтова, 1","coordinates":{"lat":52.25,"lon":104.3},"industry":"ENERGY",
                 "timeZone":"%s","description":"ГЭС","contacts":{"phone":"+73952000000","email":"ex@hpp.ru","website":"https://hpp.ru"}}"""
                .formatted(enterpriseId, timeZone));
        assertThat(enterprise.status()).as(enterprise.toString()).isEqualTo(201);
        BookingApi owner = admin.as(TestTokens.enterprise(enterpriseId));
        Answer excursion = owner.post("/api/v1/excursions", """
                {"title":"Плотина и машинный зал","description":"…","durationMinutes":120,"languages":["ru"],"minAge":7,
                 "bookingMode":"INSTANT","meetingPoint":"КПП №2","rules":{"photoAllowed":false,"documents":"NONE"},
                 "units":[{"type":"ADULT","price":80000},{"type":"CHILD","minAge":7,"maxAge":17,"price":50000}],
                 "minUnits":1,"maxUnits":40,"bookingCutoffHours":2,"cancellationCutoffHours":24}""");
        assertThat(excursion.status()).as(excursion.toString()).isEqualTo(201);
        String excursionId = excursion.text("id");
        Answer published = owner.post("/api/v1/excursions/" + excursionId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String adult = null;
        for (JsonNode unit : published.json().path("units")) {
            if ("ADULT".equals(unit.path("type").asString())) {
                adult = unit.path("id").asString();
            }
        }
        Answer slot = owner.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%sT10:00\",\"capacity\":%d}".formatted(LocalDate.now().plusDays(day), capacity));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        String slotId = slot.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(excursionId, ExcursionView.class) != null
                && mongo.findById(slotId, SlotView.class) != null);
        return new Setup(excursionId, enterpriseId, adult, slotId, owner);
    }

    private static String reserveBody(Setup s, String uuid, int adults) {
        return """
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[%s]}"""
                .formatted(uuid, s.excursionId(), s.slotId(),
                        ("{\"unitId\":\"" + s.adultUnit() + "\"},").repeat(adults).replaceAll(",$", ""));
    }

    private void awaitSeats(Setup s, int held, int confirmed) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer slot = s.owner().get("/api/v1/slots/" + s.slotId());
            assertThat(slot.json().path("held").asInt()).as("held").isEqualTo(held);
            assertThat(slot.json().path("confirmed").asInt()).as("confirmed").isEqualTo(confirmed);
        });
    }

    @Test
    void reserveConfirmUpdateCancelMoveTheRealCatalogsSeats() {
        Setup s = programWithSlot("Asia/Irkutsk", 10, 20);
        String uuid = uuid();

        Answer held = reserve(reserveBody(s, uuid, 3));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.text("status")).isEqualTo("ON_HOLD");
        awaitSeats(s, 3, 0);

        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.text("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        awaitSeats(s, 0, 3);

        Answer grown = operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[" + ("{\"unitId\":\"" + s.adultUnit()
                + "\"},").repeat(5).replaceAll(",$", "") + "]}");
        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(grown.json().path("unitItems")).hasSize(5);
        awaitSeats(s, 0, 5);

        Answer soldOut = reserve(reserveBody(s, uuid(), 6));
        assertThat(soldOut.status()).as(soldOut.toString()).isEqualTo(400);
        assertThat(soldOut.text("error")).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(soldOut.text("errorMessage")).contains("SOLD_OUT");

        Answer cancelled = operator.post("/octo/bookings/" + uuid + "/cancel", "{\"reason\":\"карантин\"}");
        assertThat(cancelled.text("status")).as(cancelled.toString()).isEqualTo("CANCELLED");
        awaitSeats(s, 0, 0);
    }

    @Test
    void anExpiredHoldGivesItsSeatsBackAndACancelledSlotCancelsItsBookings() {
        Setup s = programWithSlot("Europe/Kaliningrad", 10, 21);
        String expiring = uuid();
        String confirmedUuid = uuid();
        assertThat(reserve(reserveBody(s, expiring, 2)).text("status")).isEqualTo("ON_HOLD");
        assertThat(reserve(reserveBody(s, confirmedUuid, 4)).text("status")).isEqualTo("ON_HOLD");
        operator.post("/octo/bookings/" + confirmedUuid + "/confirm", CatalogData.CONTACT);
        awaitSeats(s, 2, 4);

        clock.advance(Duration.ofMinutes(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/octo/bookings/" + expiring).text("status"),
                "EXPIRED"::equals);
        awaitSeats(s, 0, 4);

        Answer cancel = s.owner().post("/api/v1/slots/" + s.slotId() + "/cancel", "{\"reason\":\"Авария\"}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/octo/bookings/" + confirmedUuid).text("status"),
                "CANCELLED"::equals);
        assertThat(operator.get("/octo/bookings/" + confirmedUuid).json().path("cancellation").path("reason").asString())
                .contains("Авария");
    }

    /** Not a benchmark: a rough figure of reserve → ON_HOLD through the real saga on this machine (no gateway). */
    @Test
    void reserveAnswersOnHoldWithinTheWaitAndTheLatencyIsPrinted() {
        Setup s = programWithSlot("Europe/Moscow", 200, 22);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long started = System.nanoTime();
            Answer answer = reserve(reserveBody(s, uuid(), 1));
            micros.add((System.nanoTime() - started) / 1000);
            assertThat(answer.text("status")).as(answer.toString()).isEqualTo("ON_HOLD");
        }
        String someUuid = uuid();
        reserve(reserveBody(s, someUuid, 1));
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long started = System.nanoTime();
            operator.get("/octo/bookings/" + someUuid);
            reads.add((System.nanoTime() - started) / 1000);
        }
        List<Long> warm = percentiles("reserve -> ON_HOLD with the real catalog", micros);
        percentiles("GET /octo/bookings/{uuid} (baseline: HTTP + one read, no Kafka)", reads);
        long p50 = warm.get(warm.size() / 2);
        assertThat(p50).isLessThan(2_000_000);
        awaitSeats(s, 61, 0);
    }

    private static List<Long> percentiles(String what, List<Long> micros) {
        List<Long> warm = new ArrayList<>(micros.subList(10, micros.size()));
        Collections.sort(warm);
        System.out.printf("[booking-saga] %s, %d calls after 10 warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms (load average %.1f)%n",
                what, warm.size(), warm.get(warm.size() / 2) / 1000.0, warm.get((int) Math.ceil(warm.size() * 0.99) - 1) / 1000.0,
                warm.get(warm.size() - 1) / 1000.0, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return warm;
    }
}
