package ru.promtour.web.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import ru.promtour.web.config.WebProperties;
import ru.promtour.web.security.ConsoleUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The gateway's APIs, called as the current visitor: with the signed-in person's session token when there is one
 * ({@link ConsoleUser}), with no credentials otherwise (the public guide). JSON comes back as plain maps and lists,
 * which the templates read directly ({@code ${item.title.ru}}); an error comes back as an {@link ApiException} with a
 * readable message, or a {@link SessionEndedException} when the gateway no longer accepts the person's session.
 */
@Component
public class GatewayClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<byte[]> BYTES = new ParameterizedTypeReference<>() {
    };
    private static final MediaType[] JSON_FIRST = {MediaType.APPLICATION_JSON,
        MediaType.valueOf("application/problem+json"), MediaType.ALL};

    private final RestClient http;
    private final ObjectMapper json;

    public GatewayClient(RestClient.Builder builder, WebProperties properties, ObjectMapper json) {
        // the JDK client: HttpURLConnection hides the body of a 401 to a POST (it wants to retry the authentication)
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.gatewayUrl()).requestFactory(requests).build();
        this.json = json;
    }

    /** GET a JSON object. */
    public Map<String, Object> get(Function<UriBuilder, URI> uri) {
        return exchange(HttpMethod.GET, uri, null, MAP);
    }

    /** GET a JSON array. */
    public List<Map<String, Object>> getList(Function<UriBuilder, URI> uri) {
        return exchange(HttpMethod.GET, uri, null, LIST);
    }

    /** GET a file (a CSV download): its bytes as the API sent them. */
    public byte[] getBytes(Function<UriBuilder, URI> uri) {
        return exchange(HttpMethod.GET, uri, null, BYTES);
    }

    /**
     * GET a file in the type named, for an API that chooses the format by {@code Accept} (the analytics and
     * statements answer CSV only to {@code Accept: text/csv}); an error still comes back readable.
     */
    public byte[] getBytes(Function<UriBuilder, URI> uri, MediaType accept) {
        return exchange(HttpMethod.GET, uri, null, BYTES, accept, MediaType.valueOf("application/problem+json"));
    }

    public Map<String, Object> post(Function<UriBuilder, URI> uri, Object body) {
        return exchange(HttpMethod.POST, uri, body, MAP);
    }

    public Map<String, Object> put(Function<UriBuilder, URI> uri, Object body) {
        return exchange(HttpMethod.PUT, uri, body, MAP);
    }

    public Map<String, Object> patch(Function<UriBuilder, URI> uri, Object body) {
        return exchange(HttpMethod.PATCH, uri, body, MAP);
    }

    public Map<String, Object> delete(Function<UriBuilder, URI> uri) {
        return exchange(HttpMethod.DELETE, uri, null, MAP);
    }

    /** The same call with a path, for the common case without query parameters. */
    public static Function<UriBuilder, URI> path(String template, Object... variables) {
        return builder -> builder.path(template).build(variables);
    }

    private <T> T exchange(HttpMethod method, Function<UriBuilder, URI> uri, Object body,
                           ParameterizedTypeReference<T> type) {
        return exchange(method, uri, body, type, JSON_FIRST);
    }

    private <T> T exchange(HttpMethod method, Function<UriBuilder, URI> uri, Object body,
                           ParameterizedTypeReference<T> type, MediaType... accept) {
        String token = currentToken();
        RestClient.RequestBodySpec request = http.method(method).uri(uri::apply)
            .accept(accept)
            .headers(headers -> {
                if (token != null) {
                    headers.setBearerAuth(token);
                }
            });
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        try {
            return request.retrieve()
                .onStatus(HttpStatusCode::isError, (req, response) -> {
                    throw error(response, token != null);
                })
                .body(type);
        }
        catch (ResourceAccessException ex) {
            throw new ApiException(503, "The platform cannot be reached right now; try again in a moment", Map.of());
        }
    }

    private RuntimeException error(ClientHttpResponse response, boolean asPerson) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 401 && asPerson) {
            return new SessionEndedException();
        }
        String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        return readable(status, text, response.getHeaders());
    }

    /** The message and field errors of an error body: RFC 9457 problem, OCTO error, or neither. */
    ApiException readable(int status, String body, HttpHeaders headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        String message = null;
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            if (node != null && node.isObject()) {
                message = firstText(node, "detail", "errorMessage", "message", "title");
                JsonNode errors = node.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode error : errors) {
                        String field = firstText(error, "field", "name", "parameter");
                        String text = firstText(error, "message", "detail", "reason");
                        if (field != null) {
                            fields.putIfAbsent(field, text == null ? "" : text);
                        }
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            message = null; // not JSON: the status says enough
        }
        if (message == null) {
            message = switch (status) {
                case 403 -> "You are not allowed to do this";
                case 404 -> "Not found";
                case 429 -> "Too many requests; try again in a moment" + retryAfter(headers);
                case 503 -> "The service is busy or unavailable; try again in a moment" + retryAfter(headers);
                default -> "The request failed (HTTP " + status + ")";
            };
        }
        return new ApiException(status, message, fields);
    }

    private static String retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        return value == null ? "" : " (after " + value + " s)";
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    /**
     * The signed-in person's token, or null for a visitor. A token past its expiry is never sent: the session ends here
     * instead, so stale tokens do not count as failed authentications against this module's address at the gateway.
     */
    private static String currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser user)) {
            return null;
        }
        if (user.expiresAt() != null && !Instant.now().isBefore(user.expiresAt())) {
            throw new SessionEndedException();
        }
        return user.token();
    }

}
