package ru.promtour.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider's HTTP API ({@code POST <base>/v1/messages}, bearer token, {@code {from, to, text}},
 * 202 with the provider's id; local-stack's sink speaks exactly this). JDK {@link HttpClient} with a
 * connect and a whole-request timeout, so a hanging provider frees the sending thread. As the provider
 * documents: 4xx permanent (except 429), 5xx and connection failures transient. Every send names the message in an
 * {@code Idempotency-Key}, so a provider that answered too late for the timeout does not send the retry again.
 */
@Component
public class SmsSender implements ChannelSender {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http;
    private final URI endpoint;
    private final NotificationProperties.Sms settings;
    private final JsonMapper json;

    public SmsSender(NotificationProperties properties, JsonMapper json) {
        this.settings = properties.sms();
        this.json = json;
        this.endpoint = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/v1/messages");
        // HTTP/1.1: no h2c upgrade dance with providers (or proxies) that do not speak it
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(Message message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("from", settings.sender());
        body.put("to", message.recipient());
        body.put("text", message.text());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                // a send repeated after a timeout or a crash carries the same key: the provider sends it once
                .header(IDEMPOTENCY_KEY, message.deliveryKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new TransientSendException("SMS provider unreachable: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new TransientSendException("interrupted while sending", ex);
        }
        int status = response.statusCode();
        if (status == 202 || status == 200 || status == 201) {
            return providerId(response.body());
        }
        String detail = "SMS provider answered " + status + ": " + abbreviate(response.body());
        if (status == 429 || status >= 500) {
            throw new TransientSendException(detail, null);
        }
        throw new PermanentSendException(detail, null);
    }

    private String providerId(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.path("id").isString() ? node.path("id").asString() : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
