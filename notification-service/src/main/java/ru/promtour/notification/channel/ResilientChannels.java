package ru.promtour.notification.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.stereotype.Component;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;

/**
 * Each channel behind Resilience4j, configured by name in YAML ({@code email}, {@code sms}):
 * retry (exponential backoff with jitter) outside, then the circuit breaker, then the rate limiter, as
 * Resilience4j's own aspect order does. So each retry counts in the breaker, an open breaker stops the
 * retries at once ({@code CallNotPermittedException} is not retried), and permanent failures count in
 * neither.
 */
@Component
public class ResilientChannels {

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    private final Map<Channel, Retry> retries = new EnumMap<>(Channel.class);
    private final Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);

    public ResilientChannels(List<ChannelSender> senders, CircuitBreakerRegistry breakers, RetryRegistry retries,
                             RateLimiterRegistry limiters) {
        for (ChannelSender sender : senders) {
            Channel channel = sender.channel();
            String name = name(channel);
            this.senders.put(channel, sender);
            this.breakers.put(channel, breakers.circuitBreaker(name));
            this.retries.put(channel, retries.retry(name));
            this.limiters.put(channel, limiters.rateLimiter(name));
        }
    }

    /** The Resilience4j instance name of a channel: {@code email}, {@code sms}. */
    public static String name(Channel channel) {
        return channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Sends with retries, breaker and rate limit.
     *
     * @param reached set when the provider was actually called, so a caller can tell "the breaker
     *                refused at once" (the wait costs nothing) from "tried and then refused"
     *
     * @throws SendException when it did not go through after the retries
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the breaker is open
     * @throws io.github.resilience4j.ratelimiter.RequestNotPermitted when the rate limit did not free up in time
     */
    public String send(Message message, AtomicBoolean reached) {
        Channel channel = message.channel();
        Supplier<String> call = () -> {
            reached.set(true);
            return senders.get(channel).send(message);
        };
        call = RateLimiter.decorateSupplier(limiters.get(channel), call);
        call = CircuitBreaker.decorateSupplier(breakers.get(channel), call);
        call = Retry.decorateSupplier(retries.get(channel), call);
        return call.get();
    }

    public CircuitBreaker breaker(Channel channel) {
        return breakers.get(channel);
    }

    public Retry retry(Channel channel) {
        return retries.get(channel);
    }

    public boolean has(Channel channel) {
        return senders.containsKey(channel);
    }
}
