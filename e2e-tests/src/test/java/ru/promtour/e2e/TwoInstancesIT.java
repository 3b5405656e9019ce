package ru.promtour.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service behind the gateway (issue 20), on one store and in the same consumer groups: the
 * platform stays exactly as correct as with one. Many operators race for the last seats of a slot through the gateway,
 * which spreads the reserves over both instances: exactly the free seats are sold and every losing reserve is a clean
 * SOLD_OUT (OCTO's 400 UNPROCESSABLE_ENTITY), as the same race gives with one instance (run first, on the default
 * platform). Holds left to expire are expired once — one {@code BookingExpired} event and one message per recipient and
 * booking — although both booking-service instances run the expiry sweep (ShedLock lets one at a time) and both
 * notification-service instances consume the events. Both instances take partitions in each consumer group.
 * <p>
 * Runs after the scenario classes, before {@link SeatInvariantIT} sweeps the ledgers (its slots included); the second
 * instances live only for this class: the other classes see the default platform.
 */
@Order(Integer.MAX_VALUE - 1)
class TwoInstancesIT {

    /** The seats left when the race starts, of a slot of CAPACITY. */
    private static final int CAPACITY = 10;
    private static final int LAST_SEATS = 4;
    private static final int OPERATORS = 6;
    private static final int RESERVES_PER_OPERATOR = 4;
    private static final List<String> BOOKING_GROUPS = List.of("booking-service.catalog-projection", "booking-service.routes",
            "booking-service.waitlist", "booking-service.ledger-repair");
    /** Groups of the other services: with two instances each has twice the members it had with one. */
    private static final List<String> OTHER_GROUPS = List.of("catalog-service.ledger", "notification-service",
            "notification-webhooks");
    private static final Map<String, Integer> TWO_OF_EACH = Map.of("catalog-service", 2, "booking-service", 2,
            "notification-service", 2, "reporting-service", 2);
    private static final Pattern RESERVE_COUNT = Pattern.compile("^booking_reserve_total\\{[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    static Platform platform;
    static Client admin;
    static List<Client> operators = new ArrayList<>();
    /** The race with the default platform's one instance, to compare the two-instance race with. */
    static Race oneInstance;
    /** The members of {@link #OTHER_GROUPS} with one instance of each service. */
    static Map<String, Integer> membersWithOneInstance;

    /** What a race left: the answers by kind, and the slot afterwards. */
    record Race(Map<String, Integer> answers, int held, int confirmed, List<String> winners) {
    }

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        CatalogScenarioIT.admin = admin;
        BookingScenarioIT.platform = platform;
        BookingScenarioIT.operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Байкал-Тур"));
        for (int i = 0; i < OPERATORS; i++) {
            operators.add(new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Оператор " + i)));
        }
        oneInstance = race();
        membersWithOneInstance = await("every group has its consumers").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> members(OTHER_GROUPS),
                        members -> members.size() == OTHER_GROUPS.size() && members.values().stream().allMatch(n -> n > 0));
        platform.scale(TWO_OF_EACH);
    }

    @AfterAll
    static void backToOneInstance() {
        if (platform != null) {
            platform.scale(Map.of("catalog-service", 1, "booking-service", 1, "notification-service", 1, "reporting-service", 1));
        }
    }

    @Test
    void bothInstancesTakePartitionsInEveryConsumerGroup() {
        TWO_OF_EACH.keySet().forEach(service -> assertThat(platform.instances(service)).containsExactly(service, service + "-2"));
        await("each group split over both instances").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (ConsumerGroupDescription group : groups(BOOKING_GROUPS).values()) {
                        List<Set<TopicPartition>> assigned = group.members().stream()
                                .map(MemberDescription::assignment).map(a -> a.topicPartitions()).toList();
                        assertThat(assigned).as("%s: partitions per member", group.groupId()).hasSize(2)
                                .allSatisfy(partitions -> assertThat(partitions).isNotEmpty());
                        Set<TopicPartition> both = new HashSet<>(assigned.get(0));
                        assertThat(both).as("%s: no partition given to both", group.groupId())
                                .doesNotContainAnyElementsOf(assigned.get(1));
                    }
                });
    }

    @Test
    void theOtherServicesSecondInstancesJoinTheirConsumerGroupsWithoutSharingAPartition() {
        await("the second instances in their groups").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Integer> members = members(OTHER_GROUPS);
                    membersWithOneInstance.forEach((group, one) -> assertThat(members.get(group))
                            .as("%s: members with two instances (one instance: %d)", group, one).isEqualTo(2 * one));
                });
        for (ConsumerGroupDescription group : groups(OTHER_GROUPS).values()) {
            List<TopicPartition> assigned = group.members().stream()
                    .flatMap(m -> m.assignment().topicPartitions().stream()).toList();
            assertThat(assigned).as("%s: no partition given twice", group.groupId()).doesNotHaveDuplicates();
        }
    }

    /** The members of each consumer group now. */
    private static Map<String, Integer> members(List<String> groups) {
        Map<String, Integer> members = new HashMap<>();
        groups(groups).forEach((id, group) -> members.put(id, group.members().size()));
        return members;
    }

    /** The consumer groups as the broker describes them now. */
    private static Map<String, ConsumerGroupDescription> groups(List<String> groups) {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
            return kafka.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot describe the consumer groups " + groups, ex);
        }
    }

    @Test
    void racingOperatorsSellExactlyTheLastSeatsOverBothInstancesAsOneInstanceDoes() {
        Map<String, Double> before = reservesPerInstance();

        Race twoInstances = race();

        Map<String, Double> after = reservesPerInstance();
        for (String instance : platform.instances("booking-service")) {
            assertThat(after.get(instance) - before.getOrDefault(instance, 0.0))
                    .as("reserves answered by %s", instance).isGreaterThan(0);
        }
        int reserves = OPERATORS * RESERVES_PER_OPERATOR;
        assertThat(oneInstance.answers()).as("one instance")
                .isEqualTo(Map.of("ON_HOLD", LAST_SEATS, "SOLD_OUT", reserves - LAST_SEATS));
        assertThat(twoInstances.answers()).as("two instances").isEqualTo(oneInstance.answers());
        assertThat(twoInstances.held()).isEqualTo(oneInstance.held()).isZero();
        assertThat(twoInstances.confirmed()).isEqualTo(oneInstance.confirmed()).isEqualTo(CAPACITY);
        assertThat(twoInstances.winners()).hasSize(LAST_SEATS).doesNotHaveDuplicates();
    }

    @Test
    void holdsLeftToExpireAreExpiredOnceWithOneEventAndOneMessageEach() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", CAPACITY);
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String uuid = UUID.randomUUID().toString();
            String body = BookingScenarioIT.reserveBody(site, uuid, 0, 1)
                    .replace("\"uuid\"", "\"expirationMinutes\":1,\"uuid\"");
            Client operator = operators.get(i % OPERATORS);
            Client.Response[] held = new Client.Response[1];
            await("hold " + i).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                held[0] = operator.post("/octo/bookings", body);
                return held[0].status() == 200;
            });
            assertThat(held[0].at("/status")).as(held[0].toString()).isEqualTo("ON_HOLD");
            uuids.add(uuid);
        }
        BookingScenarioIT.awaitSeats(site, 4, 0);

        await("holds expired").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (int i = 0; i < uuids.size(); i++) {
                Client.Response booking = operators.get(i % OPERATORS).get("/octo/bookings/" + uuids.get(i));
                assertThat(booking.at("/status")).as(booking.toString()).isEqualTo("EXPIRED");
            }
        });
        BookingScenarioIT.awaitSeats(site, 0, 0);

        // each booking's story: its expiry sent once as an event, and its message delivered once per recipient
        await("one expiry event and its messages per booking").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> uuids.forEach(TwoInstancesIT::expiredOnce));
        // and nothing more arrives afterwards (a second sweep or relay would add entries)
        await("no second expiry").during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> uuids.forEach(TwoInstancesIT::expiredOnce));
    }

    private static void expiredOnce(String uuid) {
        Client.Response story = admin.get("/admin/bookings/" + uuid + "/story");
        assertThat(story.status()).as(story.toString()).isEqualTo(200);
        assertThat(story.json().has("partial")).as(story.toString()).isFalse();
        int events = 0;
        Map<String, Integer> messages = new HashMap<>();
        for (JsonNode entry : story.json().path("events")) {
            String type = entry.path("type").asText();
            if (entry.path("source").asText().equals("booking-service") && entry.path("kind").asText().equals("event")
                    && type.equals("booking.BookingExpired.v1")) {
                events++;
            }
            if (entry.path("kind").asText().equals("message") && type.equals("booking.BookingExpired.v1")) {
                JsonNode detail = entry.path("detail");
                messages.merge(detail.path("channel").asText() + " " + detail.path("recipient").asText(), 1, Integer::sum);
            }
        }
        assertThat(events).as("BookingExpired events of %s", uuid).isEqualTo(1);
        assertThat(messages).as("BookingExpired messages of %s", uuid).isNotEmpty().allSatisfy((recipient, count) ->
                assertThat(count).as(recipient).isEqualTo(1));
    }

    /**
     * A slot of CAPACITY with all but LAST_SEATS sold, then every operator sends RESERVES_PER_OPERATOR reserves of one seat
     * at once through the gateway; the winners confirm.
     */
    private static Race race() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", CAPACITY);
        String first = UUID.randomUUID().toString();
        Client.Response taken = BookingScenarioIT.reserve(site, first, 0, CAPACITY - LAST_SEATS);
        assertThat(taken.at("/status")).as(taken.toString()).isEqualTo("ON_HOLD");
        assertThat(BookingScenarioIT.operator.post("/octo/bookings/" + first + "/confirm", BookingScenarioIT.contact()).status())
                .isEqualTo(200);

        int reserves = OPERATORS * RESERVES_PER_OPERATOR;
        ExecutorService pool = Executors.newFixedThreadPool(reserves);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String[]>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < reserves; i++) {
                Client operator = operators.get(i % OPERATORS);
                String uuid = UUID.randomUUID().toString();
                String body = BookingScenarioIT.reserveBody(site, uuid, 0, 1);
                answers.add(CompletableFuture.supplyAsync(() -> {
                    awaitStart(start);
                    Client.Response answer = operator.post("/octo/bookings", body);
                    return new String[] {kind(answer), uuid, String.valueOf(operators.indexOf(operator))};
                }, pool));
            }
            start.countDown();
            Map<String, Integer> kinds = new HashMap<>();
            List<String> winners = new ArrayList<>();
            for (CompletableFuture<String[]> answer : answers) {
                String[] result = answer.join();
                kinds.merge(result[0], 1, Integer::sum);
                if (result[0].equals("ON_HOLD")) {
                    winners.add(result[1]);
                    Client.Response confirmed = operators.get(Integer.parseInt(result[2]))
                            .post("/octo/bookings/" + result[1] + "/confirm", BookingScenarioIT.contact());
                    assertThat(confirmed.at("/status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
                }
            }
            BookingScenarioIT.awaitSeats(site, 0, CAPACITY);
            JsonNode slot = BookingScenarioIT.slot(site);
            return new Race(kinds, slot.get("held").asInt(), slot.get("confirmed").asInt(), winners);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * ON_HOLD, SOLD_OUT (OCTO's 400 UNPROCESSABLE_ENTITY whose message starts with the ledger's reason), or the status and
     * body of anything else.
     */
    private static String kind(Client.Response answer) {
        if (answer.status() == 200) {
            return answer.at("/status");
        }
        if (answer.status() == 400 && answer.at("/error").equals("UNPROCESSABLE_ENTITY")
                && answer.at("/errorMessage").startsWith("SOLD_OUT:")) {
            return "SOLD_OUT";
        }
        return answer.toString();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Each instance's {@code booking.reserve} count, every outcome, from its own metrics. */
    private static Map<String, Double> reservesPerInstance() {
        Map<String, Double> counts = new HashMap<>();
        for (String instance : platform.instances("booking-service")) {
            TestHttp.Response metrics = TestHttp.at(platform.managementUrl(instance)).get("/actuator/prometheus");
            assertThat(metrics.status()).as("%s /actuator/prometheus", instance).isEqualTo(200);
            double sum = 0;
            Matcher count = RESERVE_COUNT.matcher(metrics.body());
            while (count.find()) {
                sum += Double.parseDouble(count.group(1));
            }
            counts.put(instance, sum);
        }
        return counts;
    }
}
