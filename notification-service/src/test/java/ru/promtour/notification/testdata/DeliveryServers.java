package ru.promtour.notification.testdata;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;
import ru.promtour.test.web.TestHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A GreenMail SMTP server and a WireMock SMS provider on free ports, for one test class; the provider
 * accepts every SMS until a test installs faults.
 */
public final class DeliveryServers {

    public static final String TOKEN = "test-sms-token";

    public final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    public final WireMockServer sms = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    public DeliveryServers start() {
        mail.start();
        sms.start();
        accept();
        warmUp();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "delivery-servers-stop"));
        return this;
    }

    /** Points the application at these servers, with short timeouts and fast resilience settings. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("notification.sms.base-url", () -> "http://127.0.0.1:" + sms.port());
        registry.add("notification.sms.token", () -> TOKEN);
        registry.add("notification.sms.request-timeout", () -> "3s");
        registry.add("notification.dispatch.poll-interval", () -> "200ms");
        registry.add("notification.dispatch.initial-backoff", () -> "200ms");
        registry.add("notification.dispatch.max-backoff", () -> "1s");
        registry.add("resilience4j.retry.instances.sms.wait-duration", () -> "50ms");
        registry.add("resilience4j.retry.instances.email.wait-duration", () -> "50ms");
        registry.add("resilience4j.circuitbreaker.instances.sms.wait-duration-in-open-state", () -> "1s");
        registry.add("resilience4j.circuitbreaker.instances.sms.minimum-number-of-calls", () -> "4");
        registry.add("resilience4j.circuitbreaker.instances.sms.sliding-window-size", () -> "10");
    }

    /** The provider accepts every SMS with 202 and an id. */
    public void accept() {
        sms.resetAll();
        sms.stubFor(post(urlEqualTo("/v1/messages")).atPriority(10).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"{{randomValue type='UUID'}}\",\"status\":\"ACCEPTED\",\"segments\":2}")
                .withTransformers("response-template")));
    }

    /** The first templated answer is slow (class loading): take it here, not in a test's timeout. */
    private void warmUp() {
        TestHttp.at("http://127.0.0.1:" + sms.port()).post("/v1/messages", "{}");
        sms.resetRequests();
    }

    /** The requests the provider answered 202, i.e. the SMS it accepted. */
    public List<ServeEvent> acceptedSms() {
        return sms.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 202).toList();
    }

    public void stop() {
        sms.stop();
        mail.stop();
    }
}
