package ru.promtour.web.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import redis.embedded.RedisServer;
import ru.promtour.web.WebApplication;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two web instances with the docker profile's session store, a real Redis (a redis-server binary started by the test)
 * and one WireMock standing in for the gateway: what the gateway's round robin does to a browser, which may reach
 * another instance with every request.
 */
class SharedSessionsIT {

    private static final String NAMESPACE = "promtour:web:session";

    private static final String SESSION = """
            {"token":"pts_shared","expiresAt":"2099-01-01T00:00:00Z",
             "member":{"id":"stf-1","email":"anna@fruzhe.example","name":"Анна","role":"ENTERPRISE","enterpriseId":"ent-fruzhe"}}""";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static final int redisPort = freePort();
    static RedisServer redis;
    static final WireMockServer gateway = new WireMockServer(wireMockConfig().dynamicPort());
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        redis = new RedisServer(redisPort);
        redis.start();
        gateway.start();
        instanceA = startInstance();
        instanceB = startInstance();
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {instanceA, instanceB}) {
            if (instance != null) {
                instance.close();
            }
        }
        gateway.stop();
        if (redis != null) {
            redis.stop();
        }
    }

    @AfterEach
    void resetGateway() {
        gateway.resetAll();
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOtherUntilSignedOutThere() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/sessions")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(SESSION)));

        HttpResponse<String> signedIn = signIn(instanceA);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console"));
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).as("the same cookie as with sessions in memory")
            .startsWith("PROMTOUR_SESSION=").contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
        String cookie = cookieOf(signedIn);

        HttpResponse<String> onB = get(instanceB, "/console", cookie);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Анна").doesNotContain("pts_shared");

        Session stored = sessions().findById(sessionId(cookie));
        assertThat(stored.getMaxInactiveInterval()).as("idle timeout as in memory").isEqualTo(Duration.ofMinutes(30));
        assertThat(redisKeys()).as("sessions are kept under the web's own namespace")
            .contains(NAMESPACE + ":sessions:" + sessionId(cookie))
            .allMatch(key -> key.startsWith(NAMESPACE + ":"));

        gateway.stubFor(WireMock.delete(urlEqualTo("/auth/sessions/current")).willReturn(aResponse().withStatus(204)));
        HttpResponse<String> signedOut = post(instanceB, "/console/logout", cookie, Map.of("_csrf", csrf(onB.body())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?logout"));
        gateway.verify(deleteRequestedFor(urlEqualTo("/auth/sessions/current"))
            .withHeader("Authorization", equalTo("Bearer pts_shared")));

        assertThat(sessions().findById(sessionId(cookie))).as("the session is gone from Redis").isNull();
        HttpResponse<String> backOnA = get(instanceA, "/console", cookie);
        assertThat(backOnA.statusCode()).as("signed out on B is signed out on A").isEqualTo(302);
        assertThat(backOnA.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login"));
    }

    @Test
    void aRefusalIsShownOnTheOtherInstanceAndThePasswordIsNeverWrittenToRedis() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/auth/sessions")).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":401,\"detail\":\"Wrong e-mail or password\"}")));

        HttpResponse<String> form = get(instanceA, "/console/login", null);
        String cookie = cookieOf(form);
        HttpResponse<String> refused = post(instanceA, "/console/login", cookie,
            Map.of("email", "anna@fruzhe.example", "password", "a-password-nobody-may-read", "_csrf", csrf(form.body())));
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/login?error"));

        HttpResponse<String> onB = get(instanceB, "/console/login?error", cookie);
        assertThat(onB.body()).contains("Неверная электронная почта или пароль.");

        // JDK serialization writes a string's characters as they are: a kept password would show in the raw hash
        Map<Object, Object> session = instanceA.getBean(StringRedisTemplate.class).opsForHash()
            .entries(NAMESPACE + ":sessions:" + sessionId(cookie));
        assertThat(session).as("the refused attempt's session, read back by instance B").isNotEmpty();
        assertThat(session.toString()).doesNotContain("a-password-nobody-may-read");
    }

    private HttpResponse<String> signIn(ConfigurableApplicationContext instance) throws Exception {
        HttpResponse<String> form = get(instance, "/console/login", null);
        return post(instance, "/console/login", cookieOf(form),
            Map.of("email", "anna@fruzhe.example", "password", "secret-password", "_csrf", csrf(form.body())));
    }

    private static Set<String> redisKeys() {
        return instanceA.getBean(StringRedisTemplate.class).keys("*");
    }

    private static SessionRepository<? extends Session> sessions() {
        return instanceA.getBean(SessionRepository.class);
    }

    /** The cookie carries the session id Base64-encoded (Spring Session's cookie serializer). */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String cookie,
                                      Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
            .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(instance, path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The session cookie the answer set, as the browser sends it back. */
    private static String cookieOf(HttpResponse<?> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("PROMTOUR_SESSION=")).findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static ConfigurableApplicationContext startInstance() {
        // arguments, as a container's environment would: they override application.yml
        return new SpringApplicationBuilder(WebApplication.class).profiles("docker").run(
                "--server.port=0",
                "--management.server.port=-1",
                "--server.servlet.session.cookie.secure=true",
                "--web.gateway-url=" + gateway.baseUrl(),
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redisPort);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
