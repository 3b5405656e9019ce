package ru.promtour.gateway.story;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.identity.InternalTokens;
import ru.promtour.gateway.observability.RequestIds;

/**
 * Asks booking-service and notification-service for their parts of a booking's story ({@code GET
 * /internal/story/{id}}) as the calling admin, with the internal token the gateway would forward for it, through the
 * same circuit breakers as the routes to those services (an open breaker answers at once). The calls go to the
 * services' instances like the routes ({@code http://booking-service}: the load balancer picks one, and a GET that
 * cannot connect is tried once on the next). The trace continues into the calls (the client is observed).
 */
@Component
class ServiceStories {

    private static final Logger log = LoggerFactory.getLogger(ServiceStories.class);

    /** Below the breakers' time limiter (6 s): the reads of an admin's investigation, not a hot path. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** A service's answer: its status and body; status 0 when it could not be reached or did not answer in time. */
    record Part(int status, String body) {

        static final Part UNANSWERED = new Part(0, null);

        boolean ok() {
            return status == 200;
        }
    }

    private final WebClient booking;
    private final WebClient notification;
    private final InternalTokens tokens;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    ServiceStories(LoadBalancedExchangeFilterFunction instances, InternalTokens tokens,
                   ReactiveCircuitBreakerFactory<?, ?> breakers, ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.booking = client("http://booking-service", instances, registry);
        this.notification = client("http://notification-service", instances, registry);
        this.tokens = tokens;
        this.breakers = breakers;
    }

    private static WebClient client(String baseUrl, LoadBalancedExchangeFilterFunction instances,
                                    ObservationRegistry observations) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
            .responseTimeout(TIMEOUT);
        return WebClient.builder().baseUrl(baseUrl).filter(instances).observationRegistry(observations)
            .clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** booking-service's part: the booking by id, OCTO uuid or supplier reference. */
    Mono<Part> booking(String bookingIdOrUuid, Identity caller, String requestId) {
        return part(booking, "booking", bookingIdOrUuid, caller, requestId);
    }

    /** notification-service's part, by booking-service's booking id. */
    Mono<Part> notification(String bookingId, Identity caller, String requestId) {
        return part(notification, "notification", bookingId, caller, requestId);
    }

    private Mono<Part> part(WebClient client, String breaker, String id, Identity caller, String requestId) {
        Mono<Part> call = client.get().uri("/internal/story/{id}", id)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.tokenFor(caller))
            .header(RequestIds.HEADER, requestId)
            .exchangeToMono(response -> {
                int status = response.statusCode().value();
                if (status >= 500) {
                    // a failure of the service: counted by its breaker
                    return response.releaseBody().then(Mono.error(new IllegalStateException(breaker + " answered " + status)));
                }
                return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> new Part(status, body));
            })
            .timeout(TIMEOUT.plusMillis(500));
        return breakers.create(breaker).run(call, failure -> {
            log.warn("{}-service did not answer the story of {}: {}", breaker, id, failure.toString());
            return Mono.just(Part.UNANSWERED);
        });
    }
}
