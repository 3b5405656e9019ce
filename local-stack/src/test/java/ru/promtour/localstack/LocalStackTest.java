package ru.promtour.localstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The whole stack on free ports in a temporary folder, driven only through its real protocols. */
class LocalStackTest {

    private static final String TOKEN = "test-sms-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack(FreePorts.config(dataDir, TOKEN)).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void healthIsUpWithEveryComponent() throws Exception {
        HttpResponse<String> response = get(stack.messagesBaseUrl() + "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.get("components").propertyNames())
                .containsExactly("kafka", "mongo", "smtp", "sms", "messages");
        health.get("components").forEach(component -> assertThat(component.get("status").stringValue()).isEqualTo("UP"));
    }

    @Test
    void createsThePlatformTopicsWithTheirDeadLetterTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(
                    "catalog.enterprises.v1", "catalog.excursions.v1", "catalog.slots.v1", "booking.bookings.v1",
                    "booking.seats.v1", "catalog.enterprises.v1-dlt", "catalog.excursions.v1-dlt", "catalog.slots.v1-dlt",
                    "booking.bookings.v1-dlt", "booking.seats.v1-dlt")).allTopicNames().get(10, TimeUnit.SECONDS);

            topics.forEach((name, topic) -> assertThat(topic.partitions()).as(name).hasSize(name.endsWith("-dlt") ? 3 : 6));

            // dead letters may hold personal data: kept 14 days; the event log reporting replays: forever; the others
            // Kafka's default
            List<ConfigResource> resources = List.of(new ConfigResource(ConfigResource.Type.TOPIC, "booking.bookings.v1-dlt"),
                    new ConfigResource(ConfigResource.Type.TOPIC, "booking.bookings.v1"),
                    new ConfigResource(ConfigResource.Type.TOPIC, "booking.seats.v1"));
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
            assertThat(configs.get(resources.get(0)).get("retention.ms").value()).isEqualTo(String.valueOf(14L * 24 * 3600 * 1000));
            assertThat(configs.get(resources.get(1)).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(resources.get(2)).get("retention.ms").isDefault()).isTrue();
        }
    }

    @Test
    void anEmailSentOverSmtpIsListedWithItsFields() throws Exception {
        String to = "guest-" + UUID.randomUUID() + "@example.com";
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress("no-reply@promtour.ru"));
        mail.setRecipient(RecipientType.TO, new InternetAddress(to));
        mail.setSubject("Бронирование подтверждено", "UTF-8");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Экскурсия на завод, 12 мест", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Экскурсия на <b>завод</b></p>", "text/html; charset=UTF-8");
        mail.setContent(new MimeMultipart("alternative", plain, html));
        Instant before = Instant.now().minusSeconds(1);

        Transport.send(mail);

        JsonNode message = await().atMost(Duration.ofSeconds(10))
                .until(() -> messages("?to=" + to), list -> list.size() == 1).get(0);
        assertThat(message.get("channel").stringValue()).isEqualTo("EMAIL");
        assertThat(message.get("to").stringValue()).isEqualTo(to);
        assertThat(message.get("from").stringValue()).isEqualTo("no-reply@promtour.ru");
        assertThat(message.get("subject").stringValue()).isEqualTo("Бронирование подтверждено");
        assertThat(message.get("body").stringValue()).isEqualTo("Экскурсия на завод, 12 мест");
        assertThat(Instant.parse(message.get("receivedAt").stringValue())).isBetween(before, Instant.now());
    }

    @Test
    void anEmailSentWithSmtpAuthIsAcceptedWhateverTheCredentials() throws Exception {
        String to = "auth-" + UUID.randomUUID() + "@example.com";
        Properties props = new Properties();
        props.put("mail.smtp.host", LocalStackConfig.HOST);
        props.put("mail.smtp.port", String.valueOf(stack.config().smtpPort()));
        props.put("mail.smtp.auth", "true");
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress("no-reply@promtour.ru"));
        mail.setRecipient(RecipientType.TO, new InternetAddress(to));
        mail.setSubject("Auth");
        mail.setText("plain body");

        Transport.send(mail, "any-user", "any-password");

        await().atMost(Duration.ofSeconds(10)).until(() -> messages("?to=" + to), list -> list.size() == 1);
    }

    @Test
    void anHtmlOnlyEmailIsListedWithoutTagsAndOnceForEachRecipientMatchedCaseInsensitively() throws Exception {
        String first = "First-" + UUID.randomUUID() + "@Example.com";
        String second = "second-" + UUID.randomUUID() + "@example.com";
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress("no-reply@promtour.ru"));
        mail.setRecipients(RecipientType.TO, new InternetAddress[] {new InternetAddress(first), new InternetAddress(second)});
        mail.setSubject("Reminder");
        mail.setContent("<html><head><style>p{color:red}</style></head><body><p>Tour&nbsp;at 10:00</p>"
                + "<p>Gate &amp; badge</p></body></html>", "text/html; charset=UTF-8");

        Transport.send(mail);

        List<JsonNode> forFirst = await().atMost(Duration.ofSeconds(10))
                .until(() -> messages("?to=" + first.toLowerCase()), list -> list.size() == 1);
        assertThat(forFirst.get(0).get("body").stringValue()).isEqualTo("Tour at 10:00\nGate & badge");
        assertThat(messages("?to=" + second.toUpperCase())).hasSize(1);
    }

    @Test
    void anSmsWithTheRightTokenIsAcceptedListedAndDelivered() throws Exception {
        String to = randomPhone();
        HttpResponse<String> response = postSms(TOKEN, "{\"from\":\"PromTour\",\"to\":\"" + to
                + "\",\"text\":\"Ваша экскурсия завтра в 10:00\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        String id = accepted.get("id").stringValue();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(accepted.get("status").stringValue()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("segments").intValue()).isEqualTo(1);
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/messages/" + id);

        List<JsonNode> listed = messages("?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("channel").stringValue()).isEqualTo("SMS");
        assertThat(listed.get(0).get("to").stringValue()).isEqualTo(to);
        assertThat(listed.get(0).get("subject").isNull()).isTrue();
        assertThat(listed.get(0).get("body").stringValue()).isEqualTo("Ваша экскурсия завтра в 10:00");
        assertThat(messages("?to=" + to)).as("a literal + in the query is a plus sign").hasSize(1);

        HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(stack.smsBaseUrl() + "/v1/messages/" + id))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(status.body());
        assertThat(delivered.get("id").stringValue()).isEqualTo(id);
        assertThat(delivered.get("status").stringValue()).isEqualTo("DELIVERED");
        assertThat(delivered.get("to").stringValue()).isEqualTo(to);
        assertThat(delivered.get("segments").intValue()).isEqualTo(1);
    }

    @Test
    void anUnknownSmsIdIs404() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.smsBaseUrl() + "/v1/messages/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").stringValue()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aWrongOrMissingTokenIs401AndRecordsNothing() throws Exception {
        String to = randomPhone();
        String body = "{\"from\":\"PromTour\",\"to\":\"" + to + "\",\"text\":\"hi\"}";

        HttpResponse<String> wrong = postSms("not-the-token", body);
        HttpResponse<String> missing = postSms(null, body);

        for (HttpResponse<String> response : List.of(wrong, missing)) {
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("error").stringValue()).isEqualTo("UNAUTHORIZED");
            assertThat(error.get("message").stringValue()).isNotBlank();
        }
        assertThat(messages("?to=" + to)).isEmpty();
    }

    @Test
    void invalidSmsRequestsAre400NamingTheField() throws Exception {
        assertInvalid("{\"from\":\"PromTour\",\"to\":\"89161234567\",\"text\":\"hi\"}", "to:");
        assertInvalid("{\"from\":\"PromTour\",\"to\":\"+0916123\",\"text\":\"hi\"}", "to:");
        assertInvalid("{\"from\":\"PromTour\",\"text\":\"hi\"}", "to:");
        assertInvalid("{\"from\":\"PromTour\",\"to\":\"+79161234567\",\"text\":\"   \"}", "text:");
        assertInvalid("{\"from\":\"PromTour\",\"to\":\"+79161234567\",\"text\":\"" + "x".repeat(1001) + "\"}", "text:");
        assertInvalid("{\"from\":\"\",\"to\":\"+79161234567\",\"text\":\"hi\"}", "from:");
        assertInvalid("{\"from\":\"PromTourLtd12\",\"to\":\"+79161234567\",\"text\":\"hi\"}", "from:");
        assertInvalid("{\"from\":\"PromTour\",\"to\":79161234567,\"text\":\"hi\"}", "to:");
        assertInvalid("{\"from\":\"PromTour\",\"to\":", "body:");
        assertInvalid("[]", "body:");
    }

    @Test
    void aLongLatinSmsCountsGsmSegments() throws Exception {
        HttpResponse<String> response = postSms(TOKEN,
                "{\"from\":\"PromTour\",\"to\":\"" + randomPhone() + "\",\"text\":\"" + "a".repeat(161) + "\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("segments").intValue()).isEqualTo(2);
    }

    @Test
    void messagesAreNewestFirst() throws Exception {
        String to = randomPhone();
        for (String text : List.of("first", "second", "third")) {
            assertThat(postSms(TOKEN, "{\"from\":\"PromTour\",\"to\":\"" + to + "\",\"text\":\"" + text + "\"}")
                    .statusCode()).isEqualTo(202);
        }

        assertThat(messages("?to=" + to)).extracting(m -> m.get("body").stringValue())
                .containsExactly("third", "second", "first");
        List<JsonNode> all = messages("");
        assertThat(all).extracting(m -> Instant.parse(m.get("receivedAt").stringValue()))
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(all.get(0).get("body").stringValue()).isEqualTo("third");
    }

    @Test
    void theToFilterKeepsOnlyThatRecipient() throws Exception {
        String one = randomPhone();
        String other = randomPhone();
        postSms(TOKEN, "{\"from\":\"PromTour\",\"to\":\"" + one + "\",\"text\":\"for one\"}");
        postSms(TOKEN, "{\"from\":\"PromTour\",\"to\":\"" + other + "\",\"text\":\"for other\"}");

        assertThat(messages("?to=" + one)).extracting(m -> m.get("body").stringValue()).containsExactly("for one");
        assertThat(messages("?to=" + other + "&channel=sms")).hasSize(1);
        assertThat(messages("?to=" + other + "&channel=EMAIL")).isEmpty();
    }

    @Test
    void thePageAndUnknownPaths() throws Exception {
        HttpResponse<String> page = get(stack.messagesBaseUrl() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("/api/messages").doesNotContain("http://", "https://");

        for (String url : List.of(stack.messagesBaseUrl() + "/nope", stack.smsBaseUrl() + "/v2/messages")) {
            HttpResponse<String> missing = get(url);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(JSON.readTree(missing.body()).get("error").stringValue()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aSecondStackOnTheSamePortsFailsNamingThePort() {
        LocalStack second = new LocalStack(stack.config());

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Port " + stack.config().kafkaPort())
                .hasMessageContaining("KAFKA_PORT");
    }

    private static void assertInvalid(String body, String field) throws Exception {
        HttpResponse<String> response = postSms(TOKEN, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").stringValue()).isEqualTo("INVALID_REQUEST");
        assertThat(error.get("message").stringValue()).as(body).startsWith(field);
    }

    private static Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", LocalStackConfig.HOST);
        props.put("mail.smtp.port", String.valueOf(stack.config().smtpPort()));
        return Session.getInstance(props);
    }

    private static String randomPhone() {
        return "+7916" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private static HttpResponse<String> postSms(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.smsBaseUrl() + "/v1/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> messages(String query) throws Exception {
        HttpResponse<String> response = get(stack.messagesBaseUrl() + "/api/messages" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).valueStream().toList();
    }
}
