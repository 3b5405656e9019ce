package ru.promtour.notification.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.notification.webhook.Delivery;
import ru.promtour.notification.webhook.DeliveryStatus;
import ru.promtour.notification.webhook.Webhook;
import ru.promtour.notification.webhook.WebhookEvent;
import ru.promtour.notification.webhook.WebhookSecrets;
import ru.promtour.notification.testdata.BookingKafka;
import ru.promtour.notification.testdata.WebhookReceiver;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.time.MutableClock;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * OCTO webhooks end to end in this service: registration and its address rules, tenant isolation, booking events
 * from Kafka delivered signed to their operator only, once, in order, retried with backoff (time moved by the
 * clock, never slept), the delivery log and the admin's redelivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import({TestSecurityConfiguration.class, WebhooksIT.Clocks.class})
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.system();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoOperations mongo;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    MeterRegistry registry;

    final BookingKafka kafka = new BookingKafka();
    final WebhookReceiver receiver = new WebhookReceiver();
    final WebhookReceiver other = new WebhookReceiver();

    @AfterEach
    void close() {
        kafka.close();
        receiver.close();
        other.close();
    }

    @Test
    void anOperatorRegistersListsAndDeletesItsOwnWebhooksOnly() {
        String a = operator();
        String b = operator();
        TestHttp.Response created = octo(a).post("/octo/webhooks", "{\"url\":\"" + receiver.url("/hooks") + "\",\"event\":\"booking_update\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.text("id");
        assertThat(created.text("event")).isEqualTo("booking_update");
        assertThat(created.text("url")).isEqualTo(receiver.url("/hooks"));
        assertThat(created.text("secret")).startsWith("whsec_");

        TestHttp.Response listed = octo(a).get("/octo/webhooks");
        assertThat(listed.json().findValuesAsString("id")).containsExactly(id);
        assertThat(listed.json().path(0).path("createdAt")).isEqualTo(created.json().path("createdAt"));
        assertThat(listed.body()).as("the secret is shown once").doesNotContain("secret").doesNotContain(created.text("secret"));
        assertThat(mongo.findById(id, Webhook.class).secretCipher()).doesNotContain(created.text("secret"));

        assertThat(octo(b).get("/octo/webhooks").json().size()).isZero();
        for (TestHttp.Response notYours : List.of(octo(b).delete("/octo/webhooks/" + id),
                octo(b).get("/octo/webhooks/" + id + "/deliveries"), octo(a).delete("/octo/webhooks/nope"))) {
            assertThat(notYours.status()).isEqualTo(404);
            assertThat(notYours.text("error")).isEqualTo("NOT_FOUND");
        }
        assertThat(octo(a).delete("/octo/webhooks/" + id).status()).isEqualTo(200);
        assertThat(octo(a).get("/octo/webhooks").json().size()).isZero();
        assertThat(TestHttp.localhost(port).withToken(TestTokens.enterprise("ent-1")).get("/octo/webhooks").status()).isEqualTo(403);
    }

    @Test
    void privateLoopholesAndBadRequestsAreRefusedAtRegistrationInOctosShape() {
        String a = operator();
        for (String url : List.of("http://10.0.0.7/hook", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/x",
                "https://100.64.0.1/x", "https://192.168.1.1/x", "https://172.16.0.1/x", "https://[::ffff:10.0.0.1]/x",
                "https://224.0.0.1/x", "https://0.0.0.0/x", "https://[fe80::1]/x", "ftp://example.com/x",
                "https://user:pw@example.com/x", "not a url")) {
            TestHttp.Response refused = octo(a).post("/octo/webhooks", "{\"url\":\"" + url + "\",\"event\":\"booking_update\"}");
            assertThat(refused.status()).as(url + " " + refused.body()).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("BAD_REQUEST");
            assertThat(refused.text("errorMessage")).isNotBlank();
        }
        assertThat(octo(a).post("/octo/webhooks", "{\"url\":\"" + receiver.url("/x") + "\",\"event\":\"everything\"}").status()).isEqualTo(400);
        assertThat(octo(a).post("/octo/webhooks", "{\"url\":\"" + receiver.url("/x") + "\",\"event\":\"availability_update\"}")
                .text("errorMessage")).contains("productIds");
        assertThat(octo(a).post("/octo/webhooks", "[1,2").text("error")).isEqualTo("BAD_REQUEST");
        assertThat(octo(a).get("/octo/webhooks").json().size()).isZero();
    }

    @Test
    void aDeliveriesLimitThatIsNotANumberIsABadRequestNamingTheParameterNotAJavaType() {
        String a = operator();
        String id = octo(a).post("/octo/webhooks", "{\"url\":\"" + receiver.url("/x") + "\",\"event\":\"booking_update\"}").text("id");

        for (String query : List.of("?limit=ten", "?limit=x&limit=y")) {
            TestHttp.Response refused = octo(a).get("/octo/webhooks/" + id + "/deliveries" + query);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.text("error")).isEqualTo("BAD_REQUEST");
            assertThat(refused.text("errorMessage")).contains("limit").doesNotContain("java").doesNotContain("Exception");
        }
    }

    @Test
    void aBookingUpdateIsSignedAndGoesOnlyToTheBookingsOperatorOnceEvenWhenTheRecordIsRedelivered() {
        String a = operator();
        String b = operator();
        String secretA = register(a, receiver.url("/a"));
        register(b, other.url("/b"));
        BookingKafka.Booking booking = BookingKafka.Booking.fresh();
        String json = forOperator(booking.json("booking.BookingConfirmed.v1"), a);

        String eventId = kafka.send("booking.BookingConfirmed.v1", booking, json);
        kafka.send(eventId, "booking.BookingConfirmed.v1", booking.slotId(), booking.bookingId(), json); // redelivered
        kafka.send("booking.BookingCancelled.v1", booking, forOperator(booking.json("booking.BookingCancelled.v1"), a));

        await().atMost(WAIT).until(() -> receiver.accepted().size() >= 2);
        List<WebhookReceiver.Received> got = receiver.accepted();
        assertThat(got).hasSize(2);
        assertThat(got.stream().map(r -> r.json().path("booking").path("status").asString())).containsExactly("CONFIRMED", "CANCELLED");
        WebhookReceiver.Received first = got.get(0);
        assertThat(first.event()).isEqualTo("booking_update");
        assertThat(first.json().path("event").asString()).isEqualTo("booking_update");
        assertThat(first.json().path("booking")).isEqualTo(TestHttp.JSON.readTree(json).path("octoBooking"));
        assertThat(verify(first.signature(), first.body(), secretA, clock.instant())).isTrue();
        assertThat(verify(first.signature(), first.body() + " ", secretA, clock.instant())).as("body tampered").isFalse();
        assertThat(verify(first.signature(), first.body(), secretA, clock.instant().plus(Duration.ofMinutes(6))))
                .as("outside the 5-minute window").isFalse();
        assertThat(other.received()).as("operator B never sees A's bookings").isEmpty();
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenDeliveredOnceWithEveryAttemptLogged() {
        // a redirect is a failed attempt too: never followed
        String a = operator();
        register(a, receiver.url("/flaky"));
        String webhookId = octo(a).get("/octo/webhooks").json().path(0).path("id").asString();
        receiver.answer(500, 302);
        long retried = webhookSends("retry");
        long sent = webhookSends("sent");
        long delivered = webhookDeliveries();
        BookingKafka.Booking booking = BookingKafka.Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", booking, forOperator(booking.json("booking.BookingConfirmed.v1"), a));

        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        Delivery afterFirst = awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.PENDING && d.attempts().size() == 1);
        Duration firstBackoff = Duration.between(afterFirst.attempts().get(0).at(), afterFirst.nextAttemptAt());
        assertThat(firstBackoff).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));

        clock.advance(firstBackoff.plusSeconds(1));
        Delivery afterSecond = awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.PENDING && d.attempts().size() == 2);
        Duration secondBackoff = Duration.between(afterSecond.attempts().get(1).at(), afterSecond.nextAttemptAt());
        assertThat(secondBackoff).as("exponential").isGreaterThan(firstBackoff);
        assertThat(afterSecond.attempts().get(1).error()).startsWith("redirect 302 not followed");

        clock.advance(secondBackoff.plusSeconds(1));
        awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.DELIVERED);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::answered).containsExactly(500, 302, 200);

        JsonNode log = octo(a).get("/octo/webhooks/" + webhookId + "/deliveries").json();
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.path(0).path("status").asString()).isEqualTo("DELIVERED");
        assertThat(log.path(0).path("attempts").findValues("httpStatus").stream().map(JsonNode::asInt)).containsExactly(500, 302, 200);
        assertThat(log.path(0).path("attempts").path(0).path("nextAttemptAt").isNull()).isFalse();
        assertThat(log.path(0).path("attempts").path(2).has("durationMs")).isTrue();
        // every call timed by its outcome; the delivery from the event's consumption, on the clock that moved past both backoffs
        assertThat(webhookSends("retry")).isEqualTo(retried + 2);
        assertThat(webhookSends("sent")).isEqualTo(sent + 1);
        assertThat(webhookDeliveries()).isEqualTo(delivered + 1);
        assertThat(registry.get("notification.delivery").tag("channel", "webhook").timer().max(TimeUnit.SECONDS))
                .isGreaterThanOrEqualTo(firstBackoff.plus(secondBackoff).toSeconds());

        // the admin sends it again; nobody else may
        String deliveryId = log.path(0).path("id").asString();
        assertThat(TestHttp.localhost(port).withToken(TestTokens.operator(a)).post("/admin/webhooks/deliveries/" + deliveryId + "/redeliver", "").status())
                .isEqualTo(403);
        assertThat(TestHttp.localhost(port).withToken(TestTokens.admin()).post("/admin/webhooks/deliveries/" + deliveryId + "/redeliver", "").status())
                .isEqualTo(202);
        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        // the admin's redelivery is a provider call, not a delivery of the platform's to time
        await().atMost(WAIT).until(() -> webhookSends("sent") == sent + 2);
        assertThat(webhookDeliveries()).isEqualTo(delivered + 1);
    }

    private long webhookSends(String outcome) {
        Timer timer = registry.find("notification.send").tag("channel", "webhook").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private long webhookDeliveries() {
        Timer timer = registry.find("notification.delivery").tag("channel", "webhook").timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aLaterDeliveryOfABookingWaitsUntilTheEarlierOneIsDelivered() {
        String a = operator();
        register(a, receiver.url("/ordered"));
        String webhookId = octo(a).get("/octo/webhooks").json().path(0).path("id").asString();
        receiver.answer(500);
        BookingKafka.Booking booking = BookingKafka.Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", booking, forOperator(booking.json("booking.BookingConfirmed.v1"), a));
        kafka.send("booking.BookingCancelled.v1", booking, forOperator(booking.json("booking.BookingCancelled.v1"), a));

        // the cancellation is due, but held back behind the confirmation's retry
        Delivery held = awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.PENDING && d.attempts().isEmpty()
                && d.body().contains("\"CANCELLED\"") && d.nextAttemptAt().isAfter(clock.instant().plusSeconds(10)));
        assertThat(receiver.received()).hasSize(1);
        clock.advance(Duration.between(clock.instant(), held.nextAttemptAt()).plusMinutes(5));

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.received().stream().map(r -> r.json().path("booking").path("status").asString()))
                .containsExactly("CONFIRMED", "CONFIRMED", "CANCELLED");
    }

    @Test
    void aTargetThatTurnedPrivateIsRefusedAtDelivery() {
        String a = operator();
        // as if its name had been re-pointed at an internal address after registration
        mongo.insert(new Webhook(UUID.randomUUID().toString(), a, WebhookEvent.BOOKING_UPDATE, "http://10.20.30.40/hook",
                List.of(), secrets.encrypt("whsec_test"), Instant.now()));
        String webhookId = mongo.findOne(query(where("operatorId").is(a)), Webhook.class).id();
        BookingKafka.Booking booking = BookingKafka.Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", booking, forOperator(booking.json("booking.BookingConfirmed.v1"), a));

        Delivery failed = awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.FAILED);
        assertThat(failed.attempts()).hasSize(1);
        assertThat(failed.lastError()).startsWith("refused").contains("10.20.30.40");
        assertThat(failed.attempts().get(0).httpStatus()).isNull();
    }

    @Test
    void anAvailabilityChangeGoesToTheWebhooksThatChoseTheProduct() {
        String a = operator();
        String b = operator();
        String productId = "exc-" + UUID.randomUUID();
        String slotId = "slot-" + UUID.randomUUID();
        TestHttp.Response created = octo(a).post("/octo/webhooks", "{\"url\":\"" + receiver.url("/availability")
                + "\",\"event\":\"availability_update\",\"productIds\":[\"" + productId + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().path("productIds").path(0).asString()).isEqualTo(productId);
        octo(b).post("/octo/webhooks", "{\"url\":\"" + other.url("/availability")
                + "\",\"event\":\"availability_update\",\"productIds\":[\"exc-another\"]}").assertStatus(200);
        register(b, other.url("/bookings"));
        String json = Contracts.example("catalog.AvailabilityChanged.v1").replace("slot-7c1e", slotId)
                .replace("exc-irkutsk-hpp-dam", productId);

        String eventId = kafka.sendTo("catalog.availability.v1", UUID.randomUUID().toString(), "catalog.AvailabilityChanged.v1",
                slotId, slotId, json);
        kafka.sendTo("catalog.availability.v1", eventId, "catalog.AvailabilityChanged.v1", slotId, slotId, json);

        await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
        JsonNode body = receiver.accepted().get(0).json();
        assertThat(receiver.accepted().get(0).event()).isEqualTo("availability_update");
        assertThat(body.path("event").asString()).isEqualTo("availability_update");
        assertThat(body.path("productId").asString()).isEqualTo(productId);
        assertThat(body.path("optionId").asString()).isEqualTo("DEFAULT");
        assertThat(body.path("availability")).isEqualTo(TestHttp.JSON.readTree(json).path("availability"));
        String webhookId = created.text("id");
        awaitDelivery(webhookId, d -> d.status() == DeliveryStatus.DELIVERED);
        assertThat(mongo.count(query(where("webhookId").is(webhookId)), Delivery.class)).as("the redelivered record").isEqualTo(1);
        assertThat(other.received()).as("another product, and not a booking").isEmpty();
    }

    private Delivery awaitDelivery(String webhookId, java.util.function.Predicate<Delivery> condition) {
        return await().atMost(WAIT).until(() -> mongo.find(query(where("webhookId").is(webhookId)), Delivery.class).stream()
                .filter(condition).findFirst().orElse(null), d -> d != null);
    }

    /** The receiver's check, as docs/octo-webhooks.md shows it: HMAC-SHA256 over "t.body", at most 5 minutes old. */
    static boolean verify(String header, String body, String secret, Instant now) {
        Map<String, String> parts = java.util.Arrays.stream(header.split(",")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(now.getEpochSecond() - t) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String register(String operatorId, String url) {
        TestHttp.Response created = octo(operatorId).post("/octo/webhooks", "{\"url\":\"" + url + "\",\"event\":\"booking_update\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.text("secret");
    }

    private TestHttp octo(String operatorId) {
        return TestHttp.localhost(port).withToken(TestTokens.operator(operatorId));
    }

    /** An operator of its own per test: the booking topic is shared with earlier tests. */
    private static String operator() {
        return "op-" + UUID.randomUUID();
    }

    private static String forOperator(String json, String operatorId) {
        return json.replace("\"op-3b9e\"", "\"" + operatorId + "\"");
    }
}
