package ru.promtour.gateway.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.promtour.gateway.web.ErrorResponses;

/**
 * The circuit breakers' fallback ({@code forward:/fallback/<service>}), in the shape of the path the client
 * called — OCTO under {@code /octo/}, problem+json elsewhere. A call shed at admission (the service's bulkhead is
 * full) gets 429 and is told to come back soon ({@code platform.resilience.shed-retry-after}); a failing service
 * or an open breaker gets 503 and comes back later ({@code platform.resilience.retry-after}); for the web module's
 * pages that 503 is a short HTML page.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    /** The breaker of the web module's pages. */
    static final String WEB = "web";

    private final ErrorResponses errors;
    private final Duration retryAfter;
    private final Duration shedRetryAfter;

    FallbackController(ErrorResponses errors,
                       @Value("${platform.resilience.retry-after:10s}") Duration retryAfter,
                       @Value("${platform.resilience.shed-retry-after:1s}") Duration shedRetryAfter) {
        this.errors = errors;
        this.retryAfter = retryAfter;
        this.shedRetryAfter = shedRetryAfter;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        // why the breaker answered (open, bulkhead full, timeout, connection refused): the 503 alone hides it
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean notAdmitted = cause instanceof BulkheadFullException || cause instanceof CallNotPermittedException;
        if (notAdmitted) {
            // one per refused call under overload: not worth a WARN line each (the breaker's and bulkhead's metrics count them)
            log.debug("{} fallback for {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), cause);
        }
        else {
            log.warn("{} fallback for {} {}: {}", service, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), cause == null ? "no cause recorded" : cause.toString());
        }
        if (cause instanceof BulkheadFullException) {
            // load shedding, not a failure: the client may come back in a second (a 4xx, so no client or monitor
            // takes a healthy, merely busy platform for a broken one)
            return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many calls to the " + service + " service right now; retry after " + shedRetryAfter.toSeconds() + " s",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(shedRetryAfter.toSeconds())));
        }
        String detail = "The " + service + " service is unavailable right now; retry after " + retryAfter.toSeconds() + " s";
        if (WEB.equals(service)) {
            return page(exchange, detail);
        }
        return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, detail,
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds())));
    }

    /** The web module serves pages to browsers: its 503 is a page too, not problem+json. */
    private Mono<Void> page(ServerWebExchange exchange, String detail) {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PromTour: unavailable</title>"
                + "</head><body><h1>PromTour is unavailable right now</h1><p>" + detail + ".</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
