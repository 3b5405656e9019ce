package ru.promtour.notification.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The delivery log API: who sees a booking's messages (masked), input checks, the admin's resend, metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class NotificationsApiIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Notifications notifications;
    @Autowired
    MessageLog log;
    @Autowired
    MongoOperations mongo;

    @Test
    void theBookingsOperatorAndEnterpriseSeeItsMessagesWithRecipientsMasked() {
        Booking booking = confirmed();

        for (String token : List.of(TestTokens.operator("op-3b9e"), TestTokens.enterprise("ent-irkutsk-hpp"), TestTokens.admin())) {
            TestHttp.Response response = get("/api/v1/notifications?bookingId=" + booking.bookingId(), token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode list = response.json();
            assertThat(list.size()).isEqualTo(4);
            assertThat(list.findValuesAsString("recipient")).containsExactlyInAnyOrder("m***@school42.example", "+7902***1234",
                    "b***@baikal-tour.example", "e***@irkutsk-hpp.example");
            assertThat(response.body()).doesNotContain("m.ivanova@").doesNotContain("+79025551234").doesNotContain("\"text\"");
        }
    }

    @Test
    void anOperatorFindsItsBookingsMessagesByTheOctoUuidItBookedWith() {
        String uuid = UUID.randomUUID().toString();
        // booking-service's id of op-3b9e's booking with this uuid (OperatorBookings.bookingId)
        String bookingId = UUID.nameUUIDFromBytes(("op-3b9e\n" + uuid).getBytes(StandardCharsets.UTF_8)).toString();
        Booking booking = confirmed(new Booking(bookingId, "slot-" + UUID.randomUUID()));

        TestHttp.Response byUuid = get("/api/v1/notifications?bookingId=" + uuid, TestTokens.operator("op-3b9e"));
        TestHttp.Response byId = get("/api/v1/notifications?bookingId=" + booking.bookingId(), TestTokens.operator("op-3b9e"));

        assertThat(byUuid.status()).as(byUuid.body()).isEqualTo(200);
        assertThat(byUuid.json().size()).isEqualTo(4);
        assertThat(byUuid.body()).isEqualTo(byId.body());
        // the uuid means nothing to anyone else: another operator's, the enterprise's or the admin's lookup is a 404
        for (String token : List.of(TestTokens.operator("op-other"), TestTokens.enterprise("ent-irkutsk-hpp"), TestTokens.admin())) {
            assertThat(get("/api/v1/notifications?bookingId=" + uuid, token).status()).isEqualTo(404);
        }
    }

    @Test
    void anotherTenantGetsTheSame404AsForABookingThatDoesNotExist() {
        Booking booking = confirmed();

        TestHttp.Response otherOperator = get("/api/v1/notifications?bookingId=" + booking.bookingId(), TestTokens.operator("op-other"));
        TestHttp.Response otherEnterprise = get("/api/v1/notifications?bookingId=" + booking.bookingId(), TestTokens.enterprise("ent-other"));
        TestHttp.Response unknown = get("/api/v1/notifications?bookingId=no-such-booking", TestTokens.operator("op-3b9e"));

        assertThat(otherOperator.status()).isEqualTo(404);
        assertThat(otherEnterprise.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherOperator.body()).isEqualTo(unknown.body());
        assertThat(otherOperator.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    @Test
    void aMissingOrMalformedBookingIdIsA400NamingTheField() {
        TestHttp.Response missing = get("/api/v1/notifications", TestTokens.operator("op-3b9e"));
        TestHttp.Response malformed = get("/api/v1/notifications?bookingId=%7B%24ne%3A1%7D", TestTokens.operator("op-3b9e"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").path(0).path("field").asString()).isEqualTo("bookingId");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").path(0).path("field").asString()).isEqualTo("bookingId");
    }

    @Test
    void onlyTheAdminResendsAndOnlyAFailedOrSentMessage() throws Exception {
        Booking booking = confirmed();
        Message sms = log.findByBooking(booking.bookingId()).stream().filter(m -> m.channel().name().equals("SMS")).findFirst().orElseThrow();

        assertThat(post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.operator("op-3b9e")).status()).isEqualTo(403);
        TestHttp.Response queued = post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.admin());
        assertThat(queued.status()).as(queued.body()).isEqualTo(409);
        assertThat(queued.body()).contains("QUEUED");

        mongo.updateFirst(query(where("_id").is(sms.id())), new Update().set("status", MessageStatus.FAILED).set("attempts", 6)
                .set("lastError", "gave up"), Message.class);
        TestHttp.Response resent = post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.admin());
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        JsonNode view = resent.json();
        assertThat(view.path("status").asString()).isEqualTo("QUEUED");
        assertThat(view.path("attempts").asInt()).isZero();
        assertThat(view.path("resends").asInt()).isEqualTo(1);
        assertThat(log.find(sms.id()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);

        assertThat(post("/api/v1/notifications/" + UUID.randomUUID() + "/resend", TestTokens.admin()).status()).isEqualTo(404);
    }

    @Test
    void prometheusShowsPerChannelCountersAndBreakerState() {
        TestHttp.Response metrics = TestHttp.at("http://127.0.0.1:" + managementPort).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        // labels in any order: every meter also carries the application tag
        assertThat(metrics.body()).containsPattern("notification_messages_sent_total\\{[^}]*channel=\"sms\"")
                .containsPattern("notification_messages_failed_total\\{[^}]*channel=\"email\"")
                .containsPattern("notification_messages_requeued_total\\{[^}]*channel=\"sms\"")
                .containsPattern("notification_send_retries_total\\{[^}]*channel=\"sms\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"sms\"");
    }

    private Booking confirmed() {
        return confirmed(Booking.fresh());
    }

    private Booking confirmed(Booking booking) {
        BookingEvent event = Events.JSON.readValue(booking.json("booking.BookingConfirmed.v1"), Events.TYPES.get("booking.BookingConfirmed.v1"));
        notifications.handle(UUID.randomUUID().toString(), "booking.BookingConfirmed.v1", event, Instant.now());
        return booking;
    }

    private TestHttp.Response get(String path, String token) {
        return http().withToken(token).get(path);
    }

    private TestHttp.Response post(String path, String token) {
        return http().withToken(token).post(path, null);
    }

    private TestHttp http() {
        return TestHttp.localhost(port);
    }
}
