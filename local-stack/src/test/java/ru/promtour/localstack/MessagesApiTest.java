package ru.promtour.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages API alone (no broker), for what would disturb the shared stack of {@link LocalStackTest}. */
class MessagesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private MessageLog log;
    private MessagesApi api;
    private final Map<String, MessagesApi.ComponentHealth> components = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        log = new MessageLog(dir.resolve("messages.jsonl"));
        api = new MessagesApi("127.0.0.1", FreePorts.next(), log, () -> components).start();
    }

    @AfterEach
    void stop() {
        api.close();
        log.close();
    }

    @Test
    void deleteClearsEveryMessage() throws Exception {
        log.record(new Message("1", Message.Channel.SMS, "PromTour", "+79160000001", null, "hi", Instant.now()));
        assertThat(JSON.readTree(send("GET", "/api/messages").body()).size()).isEqualTo(1);

        HttpResponse<String> deleted = send("DELETE", "/api/messages");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(send("GET", "/api/messages").body()).size()).isZero();
        assertThat(new MessageLog(dir.resolve("messages.jsonl")).list()).isEmpty();
    }

    @Test
    void limitReturnsTheNewestAndTheTotalIsInAHeader() throws Exception {
        for (int i = 1; i <= 3; i++) {
            log.record(new Message(String.valueOf(i), Message.Channel.SMS, "PromTour", "+79160000001", null, "sms " + i,
                    Instant.now()));
        }

        HttpResponse<String> response = send("GET", "/api/messages?limit=2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(JSON.readTree(response.body()).valueStream().map(m -> m.get("id").stringValue()))
                .containsExactly("3", "2");
        assertThat(send("GET", "/api/messages?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void healthIs503WhenAComponentIsDown() throws Exception {
        components.put("kafka", new MessagesApi.ComponentHealth("DOWN", "127.0.0.1:1"));
        components.put("messages", new MessagesApi.ComponentHealth("UP", api.baseUrl()));

        HttpResponse<String> response = send("GET", "/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").stringValue()).isEqualTo("DOWN");
        assertThat(health.get("components").get("kafka").get("status").stringValue()).isEqualTo("DOWN");
    }

    @Test
    void anUnsupportedMethodIs405() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/messages");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, DELETE");
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
