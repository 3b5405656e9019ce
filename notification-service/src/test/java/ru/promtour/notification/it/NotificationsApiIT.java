package ru.promtour.notification.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
import ru.promtour.security.test.TestSecurityConfiguration;
import ru.promtour.security.test.TestTokens;
import ru.promtour.test.infra.ImportTestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static ru.promtour.security.test.SecurityAssertions.bearer;
import static ru.promtour.security.test.SecurityAssertions.get;

/** The delivery log API: who sees a booking's messages (masked), input checks, the admin's resend, metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class NotificationsApiIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
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
            HttpResponse<String> response = get(url("/api/v1/notifications?bookingId=" + booking.bookingId()), bearer(token));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode list = JSON.readTree(response.body());
            assertThat(list.size()).isEqualTo(4);
            assertThat(list.findValuesAsString("recipient")).containsExactlyInAnyOrder("m***@school42.example", "+7902***1234",
                    "b***@baikal-tour.example", "e***@irkutsk-hpp.example");
            assertThat(response.body()).doesNotContain("m.ivanova@").doesNotContain("+79025551234").doesNotContain("\"text\"");
        }
    }

    @Test
    void anotherTenantGetsTheSame404AsForABookingThatDoesNotExist() {
        Booking booking = confirmed();

        HttpResponse<String> otherOperator = get(url("/api/v1/notifications?bookingId=" + booking.bookingId()),
                bearer(TestTokens.operator("op-other")));
        HttpResponse<String> otherEnterprise = get(url("/api/v1/notifications?bookingId=" + booking.bookingId()),
                bearer(TestTokens.enterprise("ent-other")));
        HttpResponse<String> unknown = get(url("/api/v1/notifications?bookingId=no-such-booking"), bearer(TestTokens.operator("op-3b9e")));

        assertThat(otherOperator.statusCode()).isEqualTo(404);
        assertThat(otherEnterprise.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(otherOperator.body()).isEqualTo(unknown.body());
        assertThat(otherOperator.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    @Test
    void aMissingOrMalformedBookingIdIsA400NamingTheField() {
        HttpResponse<String> missing = get(url("/api/v1/notifications"), bearer(TestTokens.operator("op-3b9e")));
        HttpResponse<String> malformed = get(url("/api/v1/notifications?bookingId=%7B%24ne%3A1%7D"), bearer(TestTokens.operator("op-3b9e")));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).path("errors").path(0).path("field").asString()).isEqualTo("bookingId");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("errors").path(0).path("field").asString()).isEqualTo("bookingId");
    }

    @Test
    void onlyTheAdminResendsAndOnlyAFailedOrSentMessage() throws Exception {
        Booking booking = confirmed();
        Message sms = log.findByBooking(booking.bookingId()).stream().filter(m -> m.channel().name().equals("SMS")).findFirst().orElseThrow();

        assertThat(post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.operator("op-3b9e")).statusCode()).isEqualTo(403);
        HttpResponse<String> queued = post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.admin());
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(409);
        assertThat(queued.body()).contains("QUEUED");

        mongo.updateFirst(query(where("_id").is(sms.id())), new Update().set("status", MessageStatus.FAILED).set("attempts", 6)
                .set("lastError", "gave up"), Message.class);
        HttpResponse<String> resent = post("/api/v1/notifications/" + sms.id() + "/resend", TestTokens.admin());
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
        JsonNode view = JSON.readTree(resent.body());
        assertThat(view.path("status").asString()).isEqualTo("QUEUED");
        assertThat(view.path("attempts").asInt()).isZero();
        assertThat(view.path("resends").asInt()).isEqualTo(1);
        assertThat(log.find(sms.id()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);

        assertThat(post("/api/v1/notifications/" + UUID.randomUUID() + "/resend", TestTokens.admin()).statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusShowsPerChannelCountersAndBreakerState() {
        HttpResponse<String> metrics = get(url("/actuator/prometheus"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("notification_messages_sent_total{channel=\"sms\"")
                .contains("notification_messages_failed_total{channel=\"email\"")
                .contains("notification_messages_requeued_total{channel=\"sms\"")
                .contains("notification_send_retries_total{channel=\"sms\"")
                .contains("resilience4j_circuitbreaker_state{").contains("name=\"sms\"");
    }

    private Booking confirmed() {
        Booking booking = Booking.fresh();
        BookingEvent event = Events.JSON.readValue(booking.json("booking.BookingConfirmed.v1"), Events.TYPES.get("booking.BookingConfirmed.v1"));
        notifications.handle(UUID.randomUUID().toString(), "booking.BookingConfirmed.v1", event, Instant.now());
        return booking;
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
