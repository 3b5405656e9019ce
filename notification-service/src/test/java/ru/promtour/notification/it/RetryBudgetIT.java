package ru.promtour.notification.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.notification.testdata.DeliveryServers;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A provider that keeps failing spends the retry budget (FAILED); one that refuses a message fails it at once. */
@SpringBootTest(properties = "notification.dispatch.max-attempts=3")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class RetryBudgetIT extends DeliveryTestSupport {

    @Test
    void aProviderThatKeepsFailingSpendsTheBudgetThenTheMessageIsFailedAndAResendDeliversIt() {
        SERVERS.sms.resetAll();
        SERVERS.sms.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(500)));
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingApproved.v1", booking, booking.json("booking.BookingApproved.v1"));

        Message failed = await().atMost(Duration.ofSeconds(60)).until(() -> sms(booking), m -> m != null && m.status() == MessageStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).startsWith("gave up after 3 attempts");

        SERVERS.accept();
        breakers.circuitBreaker("sms").reset();
        assertThat(log.resend(failed.id())).hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MessageStatus.QUEUED));
        await().atMost(Duration.ofSeconds(20)).until(() -> sms(booking).status() == MessageStatus.SENT);
        assertThat(SERVERS.acceptedSms()).hasSize(1);
        assertThat(sms(booking).resends()).isEqualTo(1);
    }

    @Test
    void aMessageTheProviderRefusesIsFailedAtOnceWithoutRetries() {
        SERVERS.sms.resetAll();
        SERVERS.sms.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"INVALID_REQUEST\",\"message\":\"to: must be a phone number\"}")));
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingApproved.v1", booking, booking.json("booking.BookingApproved.v1"));

        Message failed = await().atMost(Duration.ofSeconds(30)).until(() -> sms(booking), m -> m != null && m.status() == MessageStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("400").contains("to: must be a phone number");
        SERVERS.sms.verify(1, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void aPhoneNumberThatIsNotE164IsLoggedFailedAndNeverSent() {
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingApproved.v1", booking, booking.json("booking.BookingApproved.v1").replace("+79025551234", "12-34"));

        Message failed = await().atMost(Duration.ofSeconds(30)).until(() -> sms(booking), m -> m != null);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.lastError()).contains("E.164");
        assertThat(failed.attempts()).isZero();
    }

    private Message sms(Booking booking) {
        return log.findByBooking(booking.bookingId()).stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElse(null);
    }
}
