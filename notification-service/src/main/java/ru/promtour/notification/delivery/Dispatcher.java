package ru.promtour.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.promtour.logging.LogFields;
import ru.promtour.notification.channel.ResilientChannels;
import ru.promtour.notification.channel.SendException;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.message.MessagesQueued;

/**
 * Sends queued messages, off the Kafka listener threads. One loop claims due messages
 * ({@code QUEUED → SENDING}, one conditional update each, so several instances share the work) and hands
 * them to a small pool per channel: a hanging SMS provider ties up only the SMS threads, never email, and
 * never the listener. The loop wakes when messages are queued, after each send, and every poll interval.
 * <p>
 * While a channel's breaker is open nothing of that channel is claimed: its messages wait, persisted, and
 * go out after recovery. A transient failure puts the message back with exponential backoff and jitter
 * until {@code max-attempts}, then FAILED; a permanent one is FAILED at once. A SENDING claim older than
 * the lease (the process died mid-send) is sent again with the same message id, which the SMS provider's
 * idempotency key and the email's Message-ID make harmless (ADR 0002).
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final MessageLog messages;
    private final ResilientChannels channels;
    private final DeliveryMetrics metrics;
    private final NotificationProperties.Dispatch settings;
    private final boolean enabled;
    private final Clock clock;
    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);
    private final Map<Channel, Semaphore> free = new EnumMap<>(Channel.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicInteger wakeups = new AtomicInteger();
    private final ObservationRegistry observations;
    private volatile Thread loop;
    private volatile boolean running;

    public Dispatcher(MessageLog messages, ResilientChannels channels, DeliveryMetrics metrics,
                      NotificationProperties properties, Clock clock, ObjectProvider<ObservationRegistry> observations) {
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.messages = messages;
        this.channels = channels;
        this.metrics = metrics;
        this.settings = properties.dispatch();
        this.enabled = properties.dispatch().enabled();
        this.clock = clock;
    }

    @EventListener
    void on(MessagesQueued queued) {
        wakeUp();
    }

    /** Look for due messages now. */
    public void wakeUp() {
        wakeups.incrementAndGet();
        lock.lock();
        try {
            wake.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("Dispatcher disabled (notification.dispatch.enabled=false): messages stay QUEUED");
            return;
        }
        for (Channel channel : Channel.values()) {
            if (channels.has(channel)) {
                AtomicInteger n = new AtomicInteger();
                pools.put(channel, Executors.newFixedThreadPool(settings.threadsPerChannel(), r -> {
                    Thread t = new Thread(r, "send-" + ResilientChannels.name(channel) + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }));
                free.put(channel, new Semaphore(settings.threadsPerChannel()));
            }
        }
        running = true;
        loop = new Thread(this::run, "notification-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        pools.values().forEach(ExecutorService::shutdown);
        for (ExecutorService pool : pools.values()) {
            try {
                // a send in flight finishes and records its outcome; a longer one is left to the lease
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            int seen = wakeups.get();
            try {
                MessageLog.Abandoned abandoned = messages.requeueAbandonedSends(clock.instant().minus(settings.sendLease()),
                        settings.maxAttempts());
                if (abandoned.queued() + abandoned.failed() > 0) {
                    log.warn("Sends interrupted by a stop: {} queued again with the same message id, {} failed (no attempts left)",
                            abandoned.queued(), abandoned.failed());
                }
                for (Channel channel : pools.keySet()) {
                    dispatch(channel);
                }
            }
            catch (RuntimeException ex) {
                log.warn("Dispatch round failed (store unavailable?), retrying: {}", ex.toString());
            }
            lock.lock();
            try {
                if (running && wakeups.get() == seen) {
                    wake.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            finally {
                lock.unlock();
            }
        }
    }

    /** Claims as many due messages as the channel has free threads; none while its breaker is open. */
    private void dispatch(Channel channel) {
        CircuitBreaker.State state = channels.breaker(channel).getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return;
        }
        Semaphore permits = free.get(channel);
        while (running && permits.tryAcquire()) {
            Optional<Message> claimed;
            try {
                claimed = messages.claimNext(channel);
            }
            catch (RuntimeException ex) {
                permits.release();
                throw ex;
            }
            if (claimed.isEmpty()) {
                permits.release();
                return;
            }
            Message message = claimed.get();
            pools.get(channel).execute(() -> {
                try (LogFields.MdcScope ignored = LogFields.booking(message.bookingId())) {
                    inTraceOf(message, () -> send(message));
                }
                finally {
                    permits.release();
                    wakeUp();
                }
            });
        }
    }

    /**
     * Runs the send inside the trace of the event that queued the message (stored on it), so the booking's one
     * trace reaches the provider call although the send happens later, on a pool thread.
     */
    private void inTraceOf(Message message, Runnable send) {
        if (message.traceparent() == null || observations.isNoop()) {
            send.run();
            return;
        }
        Observation.createNotStarted("notification.dispatch", () -> {
            ReceiverContext<Message> context = new ReceiverContext<>(
                    (carrier, key) -> "traceparent".equals(key) ? carrier.traceparent() : null);
            context.setCarrier(message);
            return context;
        }, observations)
                .contextualName("send " + ResilientChannels.name(message.channel()))
                .lowCardinalityKeyValue("channel", ResilientChannels.name(message.channel()))
                .observe(send);
    }

    void send(Message message) {
        Channel channel = message.channel();
        AtomicBoolean reached = new AtomicBoolean();
        Timer.Sample call = metrics.startSend();
        String outcome = "failed";
        try {
            String providerId = channels.send(message, reached);
            outcome = "sent";
            if (messages.markSent(message, providerId)) {
                metrics.sent(channel).increment();
                if (message.resends() == 0) {
                    // an admin's resend would measure the admin's delay, not the platform's
                    metrics.delivered(ResilientChannels.name(channel), Duration.between(message.createdAt(), clock.instant()));
                }
            }
        }
        catch (CallNotPermittedException | RequestNotPermitted ex) {
            // refused by the breaker or the rate limit: free of charge unless the provider was tried first
            if (reached.get() && message.attempts() >= settings.maxAttempts()) {
                fail(message, "gave up after " + message.attempts() + " attempts: " + ex.getMessage());
                return;
            }
            Duration wait = ex instanceof CallNotPermittedException ? backoff(message.attempts()) : Duration.ofMillis(200);
            messages.requeue(message, clock.instant().plus(wait), "channel unavailable: " + ex.getMessage(), !reached.get());
            metrics.requeued(channel).increment();
            outcome = "retry";
        }
        catch (SendException ex) {
            if (ex.permanent() || message.attempts() >= settings.maxAttempts()) {
                fail(message, ex.permanent() ? ex.getMessage() : "gave up after " + message.attempts() + " attempts: " + ex.getMessage());
            }
            else {
                messages.requeue(message, clock.instant().plus(backoff(message.attempts())), ex.getMessage(), false);
                metrics.requeued(channel).increment();
                outcome = "retry";
            }
        }
        catch (RuntimeException ex) {
            // unexpected (a bug, the store): the claim stays SENDING and the lease turns it FAILED, never a blind resend
            log.error("Sending message {} failed unexpectedly", message.id(), ex);
        }
        finally {
            metrics.sendEnded(call, ResilientChannels.name(channel), outcome);
        }
    }

    private void fail(Message message, String why) {
        if (messages.fail(message, why)) {
            metrics.failed(message.channel()).increment();
            log.warn("Message {} ({} of booking {}) FAILED: {}", message.id(), message.channel(), message.bookingId(), why);
        }
    }

    /** initial × 2^(attempts−1), capped, with ±25 % jitter so a recovered provider is not hit by one wave. */
    Duration backoff(int attempts) {
        long base = settings.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
