package ru.promtour.gateway.apikey;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
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
 * Asks catalog-service, which owns enterprises, whether one is registered: {@code GET /api/v1/enterprises/{id}}
 * as the calling admin (with the internal token the gateway would forward for it). 200: yes; 404: no; anything
 * else — an error status, no connection, no answer within {@value #TIMEOUT_SECONDS} s — is not an answer.
 */
@Component
class CatalogEnterprises {

    static final long TIMEOUT_SECONDS = 3;

    /** The catalog could not say whether the enterprise exists. */
    static class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final WebClient catalog;
    private final InternalTokens tokens;

    CatalogEnterprises(@Value("${platform.services.catalog}") String catalogUrl, InternalTokens tokens) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
            .responseTimeout(Duration.ofSeconds(TIMEOUT_SECONDS));
        this.catalog = WebClient.builder().baseUrl(catalogUrl).clientConnector(new ReactorClientHttpConnector(http)).build();
        this.tokens = tokens;
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
