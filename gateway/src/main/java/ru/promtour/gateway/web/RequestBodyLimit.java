package ru.promtour.gateway.web;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gateway's limit on request bodies ({@code platform.max-request-body}, 256 KB), whatever the framing, on
 * every path: a declared {@code Content-Length} over the limit is refused at once, unread; a body of unknown
 * length (chunked) is read here up to the limit before anything is forwarded or decoded, so one byte too many is
 * refused and nothing of it reaches a service. A chunked body within the limit goes on as one buffer with its
 * {@code Content-Length} (at most 256 KB held per such request). The refusal is a 413 in the caller's shape
 * (OCTO under {@code /octo/}, problem+json elsewhere) naming the limit.
 * <p>
 * Runs after authentication, so an unauthenticated caller is answered before its body is read.
 */
@Component
class RequestBodyLimit implements WebFilter, Ordered {

    private static final byte[] EMPTY = new byte[0];

    private final ErrorResponses errors;
    private final int maxBytes;
    private final String detail;

    RequestBodyLimit(ErrorResponses errors, @Value("${platform.max-request-body:256KB}") DataSize maxBody) {
        this.errors = errors;
        this.maxBytes = Math.toIntExact(maxBody.toBytes());
        this.detail = "The request body is larger than the gateway accepts: at most " + shown(maxBody);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // the server reads exactly Content-Length bytes, or there is no body
        }
        return DataBufferUtils.join(request.getBody(), maxBytes)
            .map(RequestBodyLimit::bytesOf)
            .defaultIfEmpty(EMPTY)
            .map(Optional::of)
            .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(Optional.empty()))
            .flatMap(body -> body.isEmpty() ? tooLarge(exchange)
                    : chain.filter(exchange.mutate().request(withBody(request, body.get(),
                            exchange.getResponse().bufferFactory())).build()));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return errors.write(exchange, HttpStatus.valueOf(413), detail);
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with the body read here, as a body of known length (a fresh buffer for every subscriber). */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body, DataBufferFactory buffers) {
        ServerHttpRequest known = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(known) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(buffers.wrap(body)));
            }
        };
    }

    private static String shown(DataSize size) {
        long bytes = size.toBytes();
        return bytes % 1024 == 0 ? (bytes / 1024) + " KB (" + bytes + " bytes)" : bytes + " bytes";
    }
}
