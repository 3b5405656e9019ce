package ru.promtour.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's booking story (issue 17, "the story endpoint returns the full history"): a booking reserved and confirmed
 * through the gateway, its messages delivered, then {@code GET /admin/bookings/{bookingIdOrUuid}/story} by its id, its
 * OCTO uuid and its supplier reference tells, in time order, its hold, its confirmation sent as an event, its sale in
 * the slot's ledger and the e-mail and SMS delivered, with the trace id to look up.
 */
class BookingStoryIT {

    static Client admin;
    static Client operator;

    @BeforeAll
    static void platform() {
        Platform platform = Platform.get();
        admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        CatalogScenarioIT.admin = admin;
        BookingScenarioIT.platform = platform;
        operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Байкал-Тур"));
        BookingScenarioIT.operator = operator;
    }

    @Test
    void theStoryOfAConfirmedBookingTellsItsHoldConfirmationSaleAndDeliveredMessagesInOrderWithItsTrace() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 10);
        String uuid = UUID.randomUUID().toString();
        Client.Response held = BookingScenarioIT.reserve(site, uuid, 0, 2);
        assertThat(held.at("/status")).as(held.toString()).isEqualTo("ON_HOLD");
        Client.Response confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", BookingScenarioIT.contact());
        assertThat(confirmed.at("/status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        String id = confirmed.at("/id");
        String reference = confirmed.at("/supplierReference");
        await("confirmation e-mail and SMS").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(BookingScenarioIT.delivered("m.ivanova@school42.example", reference)).isNotEmpty();
            assertThat(BookingScenarioIT.delivered("+79025551234", reference)).isNotEmpty();
        });

        // the relay's history and the delivery log settle a moment after the messages arrive
        await("the whole story").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Client.Response story = admin.get("/admin/bookings/" + id + "/story");
            assertThat(story.status()).as(story.toString()).isEqualTo(200);
            JsonNode json = story.json();
            assertThat(json.path("bookingId").asText()).isEqualTo(id);
            assertThat(json.path("uuid").asText()).isEqualTo(uuid);
            assertThat(json.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(json.has("partial")).isFalse();

            List<String> entries = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            json.path("events").forEach(e -> {
                entries.add(e.path("source").asText() + " " + e.path("kind").asText() + " " + e.path("type").asText()
                        + " " + e.path("detail").path("channel").asText("") + " " + e.path("detail").path("recipient").asText("")
                        + " " + e.path("detail").path("status").asText(""));
                times.add(Instant.parse(e.path("at").asText()));
            });
            assertThat(times).as(entries.toString()).isSorted();
            int hold = indexOf(entries, "booking-service state ON_HOLD");
            int confirmation = indexOf(entries, "booking-service event booking.BookingConfirmed.v1");
            int sale = indexOf(entries, "ledger seats SOLD");
            int email = indexOf(entries, "notification-service message booking.BookingConfirmed.v1 EMAIL m***@school42.example SENT");
            int sms = indexOf(entries, "notification-service message booking.BookingConfirmed.v1 SMS +7902");
            assertThat(hold).as(entries.toString()).isLessThan(confirmation);
            assertThat(sale).as(entries.toString()).isGreaterThan(hold);
            assertThat(email).as(entries.toString()).isGreaterThan(hold);
            assertThat(entries.get(sms)).endsWith("SENT");
            assertThat(json.path("booking").path("ledger").path("state").asText()).isEqualTo("SOLD");
            assertThat(json.path("traceId").asText()).matches("[0-9a-f]{32}");
            assertThat(json.path("events").get(confirmation).path("traceId").asText()).isEqualTo(json.path("traceId").asText());
            // no personal data: recipients masked, no contact
            assertThat(story.text()).doesNotContain("m.ivanova@").doesNotContain("79025551234").doesNotContain("Иванова");
        });

        for (String key : List.of(uuid, reference)) {
            Client.Response again = admin.get("/admin/bookings/" + key + "/story");
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.at("/bookingId")).isEqualTo(id);
        }
        assertThat(operator.get("/admin/bookings/" + id + "/story").status()).isEqualTo(403);
        Client.Response unknown = admin.get("/admin/bookings/" + UUID.randomUUID() + "/story");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw().header("Content-Type")).contains("problem+json");
        assertThat(admin.get("/admin/bookings/not-a-booking/story").status()).isEqualTo(400);
    }

    private static int indexOf(List<String> entries, String prefix) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no entry '" + prefix + "' in " + entries);
    }
}
