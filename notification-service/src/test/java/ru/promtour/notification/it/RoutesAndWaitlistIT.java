package ru.promtour.notification.it;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Role;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.notification.testdata.WebhookReceiver;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 end to end through GreenMail, the WireMock SMS provider and a webhook receiver: a confirmed route reaches
 * the group leader once with the whole day (its legs tell only the enterprises and the operator), a cancelled one
 * again only if it had been confirmed, a waitlist offer reaches the operator by email and webhook only, and a
 * redelivered event sends nothing twice. Every test has its own people and ids: the topic and the servers are shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.max-attempts=50")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class RoutesAndWaitlistIT extends DeliveryTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROUTE_ID = "rb-5e0c9a1f-2d3b-4c5d-8e6f-7a8b9c0d1e2f";
    private static final String LEG_1 = "b1c2d3e4-0000-3000-8000-000000000001";
    private static final String LEG_2 = "b1c2d3e4-0000-3000-8000-000000000002";

    @LocalServerPort
    int port;

    final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void aConfirmedRouteReachesTheGroupLeaderOnceWithBothLegsAndItsLegsOnlyTheEnterprisesAndTheOperator() throws Exception {
        People people = People.fresh();
        Route route = Route.fresh();
        // the legs' own confirmations come first, as booking-service writes them, each naming its route
        kafka.send("booking.BookingConfirmed.v1", route.leg1, people.leg(route.leg1, route.id));
        kafka.send("booking.BookingConfirmed.v1", route.leg2, people.leg(route.leg2, route.id));
        String confirmed = kafka.send(UUID.randomUUID().toString(), "booking.RouteConfirmed.v1", route.leg1.slotId(), route.id,
                people.route(route, "booking.RouteConfirmed.v1"));
        kafka.send(confirmed, "booking.RouteConfirmed.v1", route.leg1.slotId(), route.id,
                people.route(route, "booking.RouteConfirmed.v1")); // redelivered
        // the route is cancelled later: a different event, news to the group leader who had the plan
        kafka.send(UUID.randomUUID().toString(), "booking.RouteCancelled.v1", route.leg1.slotId(), route.id, people.route(route, "booking.RouteCancelled.v1"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(log.findByBooking(route.id)).hasSize(6).allMatch(m -> m.status() == MessageStatus.SENT);
            assertThat(log.findByBooking(route.leg1.bookingId())).hasSize(2).allMatch(m -> m.status() == MessageStatus.SENT);
            assertThat(log.findByBooking(route.leg2.bookingId())).hasSize(2).allMatch(m -> m.status() == MessageStatus.SENT);
        });
        assertThat(log.findByBooking(route.leg1.bookingId())).extracting(Message::role, Message::template).containsExactlyInAnyOrder(
                tuple(Role.OPERATOR, "booking-confirmed"), tuple(Role.ENTERPRISE, "enterprise-new-booking"));
        assertThat(log.findByBooking(route.id)).extracting(Message::role, Message::channel, Message::template)
                .containsExactlyInAnyOrder(
                        tuple(Role.GROUP_LEADER, Channel.EMAIL, "route-confirmed"), tuple(Role.GROUP_LEADER, Channel.SMS, "route-confirmed"),
                        tuple(Role.OPERATOR, Channel.EMAIL, "route-confirmed"),
                        tuple(Role.GROUP_LEADER, Channel.EMAIL, "route-cancelled"), tuple(Role.GROUP_LEADER, Channel.SMS, "route-cancelled"),
                        tuple(Role.OPERATOR, Channel.EMAIL, "route-cancelled"));

        assertThat(subjects(mailsTo(people.leader))).containsExactlyInAnyOrder(
                "Маршрут «Калуга промышленная» на 13 октября 2026 подтверждён",
                "Маршрут «Калуга промышленная» на 13 октября 2026 отменён");
        Message plan = log.findByBooking(route.id).stream()
                .filter(m -> m.role() == Role.GROUP_LEADER && m.channel() == Channel.EMAIL && m.template().equals("route-confirmed"))
                .findFirst().orElseThrow();
        assertThat(plan.text()).containsSubsequence("1. 10:00–12:00 Фабрика пастилы", "Место сбора: Проходная, главный вход",
                "2. 14:00–16:00 Сыроварня", "Место сбора: Магазин при сыроварне");
        assertThat(mailsTo(people.operator)).hasSize(4);
        assertThat(mailsTo(people.enterprise)).hasSize(2);
        assertThat(SERVERS.acceptedSms()).filteredOn(e -> e.getRequest().getBodyAsString().contains(people.phone)).hasSize(2)
                .anySatisfy(e -> assertThat(e.getRequest().getBodyAsString()).contains("10:00 (Москва)"));

        // the route's messages are its operator's to list, nobody else's
        TestHttp.Response listed = TestHttp.localhost(port).withToken(TestTokens.operator(people.operatorId))
                .get("/api/v1/notifications?bookingId=" + route.id);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(6);
        assertThat(TestHttp.localhost(port).withToken(TestTokens.operator("op-other")).get("/api/v1/notifications?bookingId=" + route.id)
                .status()).isEqualTo(404);
    }

    @Test
    void aRouteThatExpiredBeforeItsConfirmationIsNewsToTheOperatorOnly() {
        People people = People.fresh();
        Route route = Route.fresh();
        kafka.send(UUID.randomUUID().toString(), "booking.RouteCancelled.v1", route.leg1.slotId(), route.id,
                people.route(route, "booking.RouteCancelled.v1").replace("\"cause\": \"CANCELLED\"", "\"cause\": \"EXPIRED\""));

        await().atMost(WAIT).untilAsserted(() -> assertThat(log.findByBooking(route.id)).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(Role.OPERATOR);
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(m.text()).contains("не подтвердили вовремя");
        }));
        assertThat(mailsTo(people.leader)).isEmpty();
        assertThat(SERVERS.acceptedSms()).noneMatch(e -> e.getRequest().getBodyAsString().contains(people.phone));
    }

    @Test
    void aWaitlistOfferReachesTheOperatorByEmailAndWebhookOnceAndTheGroupLeaderNot() throws Exception {
        People people = People.fresh();
        TestHttp.Response webhook = TestHttp.localhost(port).withToken(TestTokens.operator(people.operatorId))
                .post("/octo/webhooks", "{\"url\":\"" + receiver.url("/hooks") + "\",\"event\":\"booking_update\"}");
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(200);
        Booking booking = Booking.fresh();
        String offer = people.apply(booking.json("booking.WaitlistOffered.v1"));
        String offered = kafka.send("booking.WaitlistOffered.v1", booking, offer);
        kafka.send(offered, "booking.WaitlistOffered.v1", booking.slotId(), booking.bookingId(), offer); // redelivered
        // the operator confirms in time: a later event of the same booking, after both copies
        kafka.send("booking.BookingConfirmed.v1", booking, people.apply(booking.json("booking.BookingConfirmed.v1")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(log.findByBooking(booking.bookingId())).hasSize(5)
                .allMatch(m -> m.status() == MessageStatus.SENT));
        assertThat(log.findByBooking(booking.bookingId())).filteredOn(m -> m.eventId().equals(offered))
                .singleElement().satisfies(m -> {
                    assertThat(m.role()).isEqualTo(Role.OPERATOR);
                    assertThat(m.template()).isEqualTo("operator-waitlist-offered");
                    assertThat(m.text()).contains("23 ноября 2026, 19:20 (Иркутск, UTC+8)").contains("23.11.2026 11:20 UTC")
                            .contains("POST /octo/bookings/0b6d9c52-3f3e-4c1a-9a65-7c1d3b2f4e11/confirm");
                });
        assertThat(subjects(mailsTo(people.operator))).filteredOn(s -> s.startsWith("Лист ожидания")).hasSize(1);
        assertThat(subjects(mailsTo(people.leader))).as("told only of the confirmation")
                .singleElement().asString().startsWith("Бронирование PT-7K3M9Q подтверждено");

        await().atMost(WAIT).until(() -> receiver.accepted().size() >= 2);
        List<WebhookReceiver.Received> got = receiver.accepted();
        assertThat(got).extracting(r -> r.json().path("booking").path("status").asString()).containsExactly("ON_HOLD", "CONFIRMED");
        assertThat(got.get(0).json().path("booking")).isEqualTo(TestHttp.JSON.readTree(offer).path("octoBooking"));
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SERVERS.mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    private static List<String> subjects(List<MimeMessage> mails) throws MessagingException {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage mail : mails) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    /** The group leader, operator and enterprise of one test, in place of the examples' ones. */
    private record People(String leader, String phone, String operatorId, String operator, String enterprise) {

        static People fresh() {
            String n = UUID.randomUUID().toString().substring(0, 8);
            return new People("leader-" + n + "@school.example", DeliveryIT.phone(), "op-" + n, "op-" + n + "@tour.example",
                    "ent-" + n + "@plant.example");
        }

        String apply(String json) {
            return json.replace("m.ivanova@school42.example", leader).replace("+79025551234", phone)
                    .replace("\"op-3b9e\"", "\"" + operatorId + "\"").replace("booking@baikal-tour.example", operator)
                    .replace("excursions@irkutsk-hpp.example", enterprise);
        }

        /** A leg's BookingConfirmed: the booking example on the leg's booking and slot, naming its route. */
        String leg(Booking leg, String routeBookingId) {
            return apply(leg.json("booking.BookingConfirmed.v1")).replaceFirst("\\{", "{\"routeBookingId\": \"" + routeBookingId + "\", ");
        }

        String route(Route route, String type) {
            return apply(Contracts.example(type)).replace(ROUTE_ID, route.id)
                    .replace(LEG_1, route.leg1.bookingId()).replace(LEG_2, route.leg2.bookingId())
                    .replace("slot-kaluga-zefir-1010", route.leg1.slotId()).replace("slot-kaluga-cheese-1410", route.leg2.slotId());
        }
    }

    /** A route booking of its own with two legs. */
    private record Route(String id, Booking leg1, Booking leg2) {
        static Route fresh() {
            return new Route("rb-" + UUID.randomUUID(), Booking.fresh(), Booking.fresh());
        }
    }
}
