package ru.promtour.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;
import ru.promtour.notification.delivery.DeliveryMetrics;

/**
 * Sends due deliveries, off the Kafka listener threads: a poll every {@code poll-interval} (and at once when
 * deliveries are queued) claims as many as there are free sending threads ({@link DeliveryLog#claimNext}: one
 * conditional update each, so several instances share the work and none sends a delivery twice). A failed attempt
 * is scheduled again after the backoff of Resilience4j's retry {@code webhook} (exponential, jittered, by attempt
 * number; {@code resilience4j.retry.instances.webhook}) until {@code give-up-after} (24 h) has passed, then FAILED.
 * A target refused by the address rules is FAILED at once.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    static final String RETRY = "webhook";
    /** The channel tag of the webhooks' send and delivery timers. */
    static final String CHANNEL = "webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryLog deliveries;
    private final Webhooks webhooks;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final IntervalBiFunction<Object> backoff;
    private final NotificationProperties.Webhooks settings;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final Semaphore free;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private volatile boolean running;

    public WebhookDispatcher(DeliveryLog deliveries, Webhooks webhooks, WebhookSecrets secrets, WebhookSender sender,
                             RetryRegistry retries, NotificationProperties properties, Clock clock,
                             DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.sender = sender;
        this.backoff = retries.retry(RETRY).getRetryConfig().getIntervalBiFunction();
        this.settings = properties.webhooks();
        this.clock = clock;
        this.metrics = metrics;
        this.free = new Semaphore(settings.threads());
    }

    @EventListener
    void on(WebhookDeliveries.Queued queued) {
        wakeUp();
    }

    /** Look for due deliveries now (one extra round at most, however many ask for it meanwhile). */
    public void wakeUp() {
        ScheduledExecutorService p = poller;
        if (running && p != null && wakeUpQueued.compareAndSet(false, true)) {
            p.execute(this::poll);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Webhook dispatcher disabled (notification.webhooks.enabled=false): deliveries stay PENDING");
            return;
        }
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.threads(), r -> daemon(r, "webhook-send-" + n.incrementAndGet()));
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-dispatcher"));
        running = true;
        long every = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            senders.shutdown();
            try {
                // a send in flight records its outcome; a longer one is left to the lease
                senders.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
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

    private void poll() {
        wakeUpQueued.set(false);
        try {
            deliveries.failAbandonedSends(clock.instant().minus(settings.sendLease()));
            while (running && free.tryAcquire()) {
                Optional<Delivery> claimed;
                try {
                    claimed = deliveries.claimNext();
                }
                catch (RuntimeException ex) {
                    free.release();
                    throw ex;
                }
                if (claimed.isEmpty()) {
                    free.release();
                    return;
                }
                senders.execute(() -> {
                    try {
                        send(claimed.get());
                    }
                    finally {
                        free.release();
                        wakeUp();
                    }
                });
            }
        }
        catch (RuntimeException ex) {
            log.warn("Webhook dispatch round failed (store unavailable?), retrying: {}", ex.toString());
        }
    }

    void send(Delivery delivery) {
        Instant at = clock.instant();
        Optional<Webhook> webhook = webhooks.find(delivery.webhookId());
        if (webhook.isEmpty()) {
            deliveries.fail(delivery, new Delivery.Attempt(delivery.attemptCount(), at, null, "webhook deleted", 0, null),
                    "webhook deleted");
            return;
        }
        WebhookSender.Outcome outcome;
        try {
            outcome = sender.send(webhook.get(), delivery, secrets.decrypt(webhook.get().secretCipher()));
        }
        catch (RuntimeException ex) {
            // unexpected (a bug, the key): the claim stays SENDING and the lease turns it FAILED, never a blind resend
            log.error("Webhook delivery {} failed unexpectedly", delivery.id(), ex);
            return;
        }
        Duration took = Duration.ofMillis(outcome.durationMs());
        if (outcome.accepted()) {
            deliveries.delivered(delivery, attempt(delivery, at, outcome, null));
            metrics.sendEnded(took, CHANNEL, "sent");
            if (delivery.redeliveries() == 0) {
                metrics.delivered(CHANNEL, Duration.between(delivery.createdAt(), clock.instant()));
            }
            return;
        }
        Instant next = at.plusMillis(backoff.apply(delivery.attemptCount(), Either.left(new AttemptFailed(outcome.error()))));
        if (outcome.error() != null && outcome.error().startsWith("refused")) {
            deliveries.fail(delivery, attempt(delivery, at, outcome, null), outcome.error());
            metrics.sendEnded(took, CHANNEL, "failed");
        }
        else if (next.isAfter(delivery.giveUpAt())) {
            deliveries.fail(delivery, attempt(delivery, at, outcome, null), "gave up after " + delivery.attemptCount()
                    + " attempts over " + Duration.between(delivery.createdAt(), at).toHours() + " h: " + outcome.error());
            log.warn("Webhook delivery {} of webhook {} FAILED: {}", delivery.id(), delivery.webhookId(), outcome.error());
            metrics.sendEnded(took, CHANNEL, "failed");
        }
        else {
            deliveries.retryLater(delivery, attempt(delivery, at, outcome, next));
            metrics.sendEnded(took, CHANNEL, "retry");
        }
    }

    private static Delivery.Attempt attempt(Delivery delivery, Instant at, WebhookSender.Outcome outcome, Instant next) {
        return new Delivery.Attempt(delivery.attemptCount(), at, outcome.httpStatus(), outcome.error(),
                outcome.durationMs(), next);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A failed attempt, as Resilience4j's interval function sees it. */
    private static final class AttemptFailed extends RuntimeException {
        AttemptFailed(String message) {
            super(message, null, false, false);
        }
    }
}
