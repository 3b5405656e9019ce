package ru.promtour.notification.webhook;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.notification.config.NotificationProperties;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTest {

    /** The operator reads this in its delivery log (GET /octo/webhooks/{id}/deliveries): the fuzzer found class names there. */
    @Test
    void aReceiverThatRefusesTheConnectionIsLoggedWithoutAClassName() throws Exception {
        NotificationProperties properties = new NotificationProperties(null, null, null, null, new NotificationProperties.Webhooks(
                true, true, "bG9jYWwtZGV2LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=", Duration.ofSeconds(1), 1, Duration.ofSeconds(2),
                65536, Duration.ofHours(1), Duration.ofMinutes(5), 20));
        WebhookSender sender = new WebhookSender(new WebhookTargets(properties), properties, Clock.systemUTC());
        Webhook webhook = new Webhook("wh-1", "op-1", WebhookEvent.BOOKING_UPDATE, "http://127.0.0.1:" + closedPort() + "/hooks",
                List.of(), null, Instant.now());
        Delivery delivery = new Delivery("d-1", "e-1|wh-1", "wh-1", "op-1", WebhookEvent.BOOKING_UPDATE, "e-1", "b-1", 1, "{}",
                DeliveryStatus.PENDING, 0, Instant.now(), null, null, List.of(), null, 0, Instant.now(), Instant.now(), null);
        try {
            WebhookSender.Outcome outcome = sender.send(webhook, delivery, "whsec_test");

            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.error()).contains("connection refused").doesNotContain("Exception").doesNotContain("org.apache");
        }
        finally {
            sender.destroy();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
