package ru.promtour.localstack;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The faults the fault suite injects through {@code POST /api/faults}, each seen from a client's side. */
class FaultsTest {

    private static final String TOKEN = "faults-sms-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SMS = "{\"from\":\"PromTour\",\"to\":\"+79161234567\",\"text\":\"Экскурсия завтра\"}";

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

    @AfterEach
    void allUp() throws Exception {
        fault("target=sms&mode=up");
        fault("target=smtp&mode=up");
    }

    @Test
    void theSmsApiDownRefusesConnectionsUntilItIsUpAgain() throws Exception {
        assertThat(fault("target=sms&mode=down").body()).contains("\"sms\":\"down\"");

        assertThatThrownBy(() -> postSms()).hasCauseInstanceOf(ConnectException.class);
        assertThat(Ports.accepts(LocalStackConfig.HOST, stack.config().smsPort())).isFalse();

        fault("target=sms&mode=up");
        assertThat(postSms().statusCode()).isEqualTo(202);
    }

    @Test
    void theSmsApiFailingAnswers500AndRecordsNothing() throws Exception {
        fault("target=sms&mode=error");
        int before = messages();

        HttpResponse<String> failed = postSms();

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("INTERNAL_ERROR");
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void aSlowSmsApiAnswersLateButStillSends() throws Exception {
        fault("target=sms&mode=slow&delayMillis=700");
        int before = messages();

        long started = System.nanoTime();
        HttpResponse<String> late = postSms();

        assertThat(late.statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(messages()).isEqualTo(before + 1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAfterASlowAnswerSendsOneSms() throws Exception {
        fault("target=sms&mode=slow&delayMillis=1500");
        int before = messages();
        String key = java.util.UUID.randomUUID().toString();
        HttpClient impatient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest send = HttpRequest.newBuilder(URI.create(stack.smsBaseUrl() + "/v1/messages")).timeout(Duration.ofMillis(500))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(SMS)).build();

        assertThatThrownBy(() -> impatient.send(send, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        fault("target=sms&mode=up");
        HttpResponse<String> retried = HTTP.send(HttpRequest.newBuilder(send, (name, value) -> true).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(retried.statusCode()).isEqualTo(202);
        // the slow first request finishes in the background and sends; the retry only learns its id
        await().atMost(Duration.ofSeconds(10)).until(() -> messages() == before + 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> messages() == before + 1);
    }

    @Test
    void smtpDownClosesItsPortAndAFaultEndsByItselfAfterItsSeconds() throws Exception {
        fault("target=smtp&mode=down&seconds=1");
        assertThat(Ports.accepts(LocalStackConfig.HOST, stack.config().smtpPort())).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> Ports.accepts(LocalStackConfig.HOST, stack.config().smtpPort()));
        assertThat(HTTP.send(get("/api/faults"), HttpResponse.BodyHandlers.ofString()).body()).contains("\"smtp\":\"up\"");
    }

    @Test
    void unknownTargetsModesAndBoundsAre400() throws Exception {
        for (String query : new String[] {"target=kafka&mode=down", "target=smtp&mode=slow", "target=sms&mode=sideways",
                "target=sms&mode=down&seconds=0", "target=sms&mode=slow&delayMillis=abc"}) {
            assertThat(fault(query).statusCode()).as(query).isEqualTo(400);
        }
    }

    private static HttpResponse<String> fault(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.messagesBaseUrl() + "/api/faults?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postSms() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.smsBaseUrl() + "/v1/messages"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SMS)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(stack.messagesBaseUrl() + path)).build();
    }

    private static int messages() throws Exception {
        return Integer.parseInt(HTTP.send(get("/api/messages"), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("X-Total-Count").orElseThrow());
    }
}
