package ru.promtour.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import ru.promtour.logging.LogFields;

/** The request id reaches the MDC of whatever thread handles the exchange (what the gateway's log lines show). */
class RequestIdsTest {

    @BeforeAll
    static void propagateContext() {
        // what spring.reactor.context-propagation=auto does in the gateway
        Hooks.enableAutomaticContextPropagation();
    }

    @AfterAll
    static void stopPropagating() {
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void theRequestIdIsInTheMdcOnAnotherThreadAndGoneAfterwards() {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        WebFilterChain chain = exchange -> Mono.just(1)
            .publishOn(Schedulers.parallel())
            .doOnNext(ignored -> {
                seen.set(MDC.get(LogFields.REQUEST_ID));
                thread.set(Thread.currentThread().getName());
            })
            .then();
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/catalog/excursions").header(RequestIds.HEADER, "req-9"));

        new RequestIds().filter(exchange, chain).block();

        assertThat(thread.get()).startsWith("parallel");
        assertThat(seen.get()).isEqualTo("req-9");
        assertThat(MDC.get(LogFields.REQUEST_ID)).isNull();
        assertThat(exchange.getResponse().getHeaders().getFirst(RequestIds.HEADER)).isEqualTo("req-9");
    }
}
