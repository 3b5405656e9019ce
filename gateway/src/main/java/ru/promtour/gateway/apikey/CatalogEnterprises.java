package ru.promtour.gateway.apikey;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import ru.promtour.gateway.auth.Identity;
import ru.promtour.gateway.identity.InternalTokens;
import ru.promtour.gateway.observability.RequestIds;

/**
 * Asks catalog-service, which owns enterprises, whether one is registered: {@code GET /api/v1/enterprises/{id}}
 * as the calling admin (with the internal token the gateway would forward for it). 200: yes; 404: no; anything
 * else — an error status, no connection, no answer within {@value #TIMEOUT_SECONDS} s — is not an answer.
 * ENTERPRISE API keys and ENTERPRISE staff members are given only for an enterprise the catalog confirms. The call
 * goes to one of catalog-service's instances, like the routes (the load balancer picks it).
 */
@Component
public class CatalogEnterprises {

    private static final Logger log = LoggerFactory.getLogger(CatalogEnterprises.class);

    static final long TIMEOUT_SECONDS = 3;

    /** The catalog could not say whether the enterprise exists. */
    static class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final WebClient catalog;
    private final InternalTokens tokens;

    CatalogEnterprises(LoadBalancedExchangeFilterFunction instances, InternalTokens tokens) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
            .responseTimeout(Duration.ofSeconds(TIMEOUT_SECONDS));
        this.catalog = WebClient.builder().baseUrl("http://catalog-service").filter(instances)
            .clientConnector(new ReactorClientHttpConnector(http)).build();
        this.tokens = tokens;
    }

    /**
     * Completes when the enterprise is registered; otherwise fails with 422 naming {@code field}, or with 503 when
     * the catalog cannot tell: nothing is given blindly.
     *
     * @param field  the request's field that names the enterprise
     * @param given  what is not given without the catalog's word, e.g. "no key is issued"
     */
    public Mono<Void> requireRegistered(String enterpriseId, String field, String given, Identity caller, String requestId) {
        return exists(enterpriseId, caller, requestId)
            .onErrorMap(Unanswered.class, ex -> {
                log.warn("{} for enterprise {}: the catalog could not confirm it ({})", given, enterpriseId, ex.getMessage());
                return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The catalog cannot confirm that enterprise "
                        + enterpriseId + " is registered right now, so " + given + "; try again shortly", ex);
            })
            .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    field + " " + enterpriseId + " names no enterprise registered in the catalog")));
    }

    /** Whether the enterprise is registered; {@link Unanswered} when the catalog cannot tell. */
    Mono<Boolean> exists(String enterpriseId, Identity caller, String requestId) {
        return catalog.get().uri("/api/v1/enterprises/{id}", enterpriseId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.tokenFor(caller))
            .header(RequestIds.HEADER, requestId)
            .exchangeToMono(response -> {
                int status = response.statusCode().value();
                if (status == 200 || status == 404) {
                    return response.releaseBody().thenReturn(status == 200);
                }
                return response.releaseBody().then(Mono.<Boolean>error(new Unanswered("the catalog answered " + status, null)));
            })
            .timeout(Duration.ofSeconds(TIMEOUT_SECONDS + 1))
            .onErrorMap(ex -> !(ex instanceof Unanswered), ex -> new Unanswered(ex.toString(), ex));
    }
}
