package ru.promtour.notification.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.notification.channel.EmailSender;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.notification.testdata.DeliveryServers;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages out through GreenMail (SMTP) and a WireMock SMS provider: the right email per event and
 * language, the SMS request the provider expects, outages (500, connection reset, 5 s delay) that open
 * the breaker and delay messages without blocking anyone, exactly one copy per person after recovery,
 * and no second send after a crash mid-send.
 */
@SpringBootTest(properties = "notification.dispatch.max-attempts=50")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class DeliveryIT extends DeliveryTestSupport {

    @Autowired
    MongoOperations mongo;

    @Test
    void aConfirmationReachesTheGroupLeaderByEmailAndSmsAndTheOperatorAndEnterpriseByEmail() throws Exception {
        Booking booking = Booking.fresh();
        String phone = phone();
        kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1").replace("+79025551234", phone));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(log.findByBooking(booking.bookingId())).hasSize(4).allMatch(m -> m.status() == MessageStatus.SENT));
        Map<String, MimeMessage> mails = byRecipient(SERVERS.mail.getReceivedMessages());
        assertThat(mails).containsOnlyKeys("m.ivanova@school42.example", "booking@baikal-tour.example", "excursions@irkutsk-hpp.example");
        MimeMessage leader = mails.get("m.ivanova@school42.example");
        assertThat(leader.getSubject()).isEqualTo("Бронирование PT-7K3M9Q подтверждено: Иркутская ГЭС: плотина и машинный зал");
        assertThat(leader.getFrom()[0].toString()).contains("no-reply@promtour.ru");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(leader);
        assertThat(body).contains("text/plain").contains("text/html");
        Message leaderEmail = log.findByBooking(booking.bookingId()).stream()
                .filter(m -> m.role() == Role.GROUP_LEADER && m.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(leader.getHeader(EmailSender.MESSAGE_ID_HEADER)[0]).isEqualTo(leaderEmail.id());
        // every try of this send is the same email to the leader's mail client
        assertThat(leader.getMessageID()).isEqualTo("<" + leaderEmail.id() + "@promtour.ru>");
        assertThat(mails.get("excursions@irkutsk-hpp.example").getSubject()).startsWith("Новое бронирование PT-7K3M9Q");

        SERVERS.sms.verify(1, postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer " + DeliveryServers.TOKEN))
                .withRequestBody(matchingJsonPath("$.from", equalTo("PromTour")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .withRequestBody(matchingJsonPath("$.text", equalTo(
                        "Бронь PT-7K3M9Q подтверждена: Иркутская ГЭС, 01.12.2026 10:00 (Иркутск). Сбор: КПП №2, у информационного стенда."))));
        Message sms = log.findByBooking(booking.bookingId()).stream().filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
        assertThat(sms.providerMessageId()).isNotBlank();
        assertThat(sms.attempts()).isEqualTo(1);
        // the provider sends one SMS per key however often a timed-out send is repeated
        SERVERS.sms.verify(1, postRequestedFor(urlEqualTo("/v1/messages")).withHeader("Idempotency-Key", equalTo(sms.id())));
    }

    @Test
    void anEnglishSpeakingLeaderGetsEnglishMessagesForACancellation() throws Exception {
        Booking booking = Booking.fresh();
        kafka.send("booking.BookingCancelled.v1", booking, booking.json("booking.BookingCancelled.v1")
                .replace("\"locale\": \"ru\"", "\"locale\": \"en\"").replace("\"OPERATOR\"", "\"SUPPLIER\""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(log.findByBooking(booking.bookingId())).hasSize(3).allMatch(m -> m.status() == MessageStatus.SENT));
        Map<String, MimeMessage> mails = byRecipient(SERVERS.mail.getReceivedMessages());
        assertThat(mails.get("m.ivanova@school42.example").getSubject()).isEqualTo("Booking PT-7K3M9Q cancelled");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.get("m.ivanova@school42.example")))
                .contains("The enterprise cancelled the excursion.");
        assertThat(mails.get("booking@baikal-tour.example").getSubject()).isEqualTo("Бронирование PT-7K3M9Q отменено");
        assertThat(SERVERS.acceptedSms()).hasSize(1);
        assertThat(SERVERS.acceptedSms().get(0).getRequest().getBodyAsString()).contains("Booking PT-7K3M9Q cancelled");
    }

    @Test
    void anSmsOutageOpensTheBreakerDelaysTheMessagesBlocksNobodyAndEachGoesOutOnceAfterRecovery() {
        // the provider fails every way it can, in turn: 500, connection reset, a 5 s hang
        SERVERS.sms.resetAll();
        SERVERS.sms.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":\"INTERNAL_ERROR\",\"message\":\"down\"}")));
        List<Booking> bookings = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Booking booking = Booking.fresh();
            String phone = phone();
            bookings.add(booking);
            phones.add(phone);
            kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1").replace("+79025551234", phone));
        }

        CircuitBreaker breaker = breakers.circuitBreaker("sms");
        await().atMost(Duration.ofSeconds(30)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN
                || breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        SERVERS.sms.resetAll();
        SERVERS.sms.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // email is not held up by the SMS outage, nor is the listener: every email of every booking goes out now
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(SERVERS.mail.getReceivedMessages()).hasSize(18));
        assertThat(bookings).allSatisfy(b -> assertThat(log.findByBooking(b.bookingId()))
                .filteredOn(m -> m.channel() == Channel.SMS).singleElement()
                .satisfies(m -> assertThat(m.status()).isIn(MessageStatus.QUEUED, MessageStatus.SENDING)));

        SERVERS.sms.resetAll();
        SERVERS.sms.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(503).withFixedDelay(5000)));
        Instant hangStarted = Instant.now();
        // a hanging provider ties up only SMS threads: a new booking's emails still go out at once
        Booking during = Booking.fresh();
        kafka.send("booking.BookingConfirmed.v1", during, during.json("booking.BookingConfirmed.v1").replace("+79025551234", phone()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.findByBooking(during.bookingId()))
                .filteredOn(m -> m.channel() == Channel.EMAIL).hasSize(3).allMatch(m -> m.status() == MessageStatus.SENT));
        assertThat(Duration.between(hangStarted, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(SERVERS.acceptedSms()).isEmpty();

        SERVERS.accept();
        bookings.add(during);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bookings).allSatisfy(b ->
                assertThat(log.findByBooking(b.bookingId())).hasSize(4).allMatch(m -> m.status() == MessageStatus.SENT)));
        Map<String, Long> acceptedPerPhone = SERVERS.acceptedSms().stream()
                .collect(Collectors.groupingBy(DeliveryIT::to, Collectors.counting()));
        assertThat(acceptedPerPhone).hasSize(7).allSatisfy((phone, count) -> assertThat(count).as(phone).isEqualTo(1));
        assertThat(acceptedPerPhone).containsKeys(phones.toArray(String[]::new));
    }

    @Test
    void aSendInterruptedByACrashIsSentAgainWithTheSameIdempotencyKey() {
        // what a crash leaves behind: a SENDING claim whose outcome nobody recorded, older than the lease
        Instant crashed = Instant.now().minus(Duration.ofMinutes(10));
        String bookingId = UUID.randomUUID().toString();
        String phone = phone();
        mongo.insert(new Message(UUID.randomUUID().toString(), "crash|SMS|" + phone, "crash", "booking.BookingConfirmed.v1",
                bookingId, "op-3b9e", "ent-irkutsk-hpp", Role.GROUP_LEADER, Channel.SMS, phone, "ru", "booking-confirmed",
                null, "Бронь подтверждена", null, MessageStatus.SENDING, 1, crashed, crashed, null, null, crashed, crashed,
                null, 0, null));

        // the provider may have sent it before the crash: the repeat names the same message, so it sends it once
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.findByBooking(bookingId)).singleElement()
                .satisfies(m -> {
                    assertThat(m.status()).isEqualTo(MessageStatus.SENT);
                    assertThat(m.attempts()).isEqualTo(2);
                }));
        String id = log.findByBooking(bookingId).get(0).id();
        assertThat(SERVERS.sms.findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))))
                .singleElement().satisfies(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id));
    }

    @Test
    void confirmationToEmailLatencyStaysWellUnderASecond() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Booking booking = Booking.fresh();
            Instant sent = Instant.now();
            kafka.send("booking.BookingConfirmed.v1", booking, booking.json("booking.BookingConfirmed.v1"));
            Message email = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> log.findByBooking(booking.bookingId()).stream()
                            .filter(m -> m.role() == Role.GROUP_LEADER && m.channel() == Channel.EMAIL && m.sentAt() != null)
                            .findFirst().orElse(null), java.util.Objects::nonNull);
            millis.add(Duration.between(sent, email.sentAt()).toMillis());
        }
        java.util.Collections.sort(millis);
        long p50 = millis.get(millis.size() / 2);
        long p99 = millis.get(millis.size() - 1);
        System.out.printf("confirm->email accepted by SMTP: p50 %d ms, max (p99 of 40) %d ms%n", p50, p99);
        assertThat(p50).isLessThan(1000);
    }

    static Map<String, MimeMessage> byRecipient(MimeMessage[] messages) {
        return java.util.Arrays.stream(messages).collect(Collectors.toMap(DeliveryIT::recipient, Function.identity()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String to(ServeEvent event) {
        String body = event.getRequest().getBodyAsString();
        return body.replaceAll(".*\"to\":\"([^\"]+)\".*", "$1");
    }

    static String phone() {
        return "+7902" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
