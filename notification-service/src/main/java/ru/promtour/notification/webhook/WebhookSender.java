package ru.promtour.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ru.promtour.notification.config.NotificationProperties;

/**
 * POSTs one signed delivery. Apache HttpClient with {@link WebhookTargets#resolve} as its DNS resolver, so the
 * addresses checked are the ones connected to (no DNS rebinding between check and connect); no proxy, no
 * redirects (a 3xx is a failed attempt), no automatic retries (the dispatcher schedules them), connect and
 * response timeouts plus a deadline for the whole exchange, and at most {@code max-response-bytes} of the answer
 * read.
 */
@Component
public class WebhookSender implements DisposableBean {

    public static final String SIGNATURE = "X-PromTour-Signature";
    public static final String EVENT = "X-PromTour-Event";
    public static final String DELIVERY = "X-PromTour-Delivery";
    public static final String WEBHOOK = "X-PromTour-Webhook";

    /** What an attempt came to: the receiver's status (null: no answer) or the error, and how long it took. */
    public record Outcome(Integer httpStatus, String error, long durationMs) {
        public boolean accepted() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    private final WebhookTargets targets;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final Clock clock;

    public WebhookSender(WebhookTargets targets, NotificationProperties properties, Clock clock) {
        NotificationProperties.Webhooks settings = properties.webhooks();
        this.targets = targets;
        this.timeout = settings.timeout();
        this.maxResponseBytes = settings.maxResponseBytes();
        this.clock = clock;
        Timeout t = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDns(targets))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                                .setTimeToLive(Timeout.ofMinutes(1)).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(t).build())
                        .setMaxConnTotal(settings.threads() * 4).setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("PromTour-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the delivery's body to the webhook, signed with its secret at this moment. Never throws. */
    public Outcome send(Webhook webhook, Delivery delivery, String secret) {
        long started = System.nanoTime();
        URI uri;
        try {
            // checked again at each delivery (the rule may have changed since registration); the connection's own
            // resolution is checked too, by the resolver
            uri = targets.check(webhook.url());
        }
        catch (RefusedWebhookException ex) {
            return new Outcome(null, "refused: " + ex.getMessage(), 0);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(uri);
        post.setHeader(SIGNATURE, WebhookSecrets.signature(secret, timestamp, delivery.body()));
        post.setHeader(EVENT, delivery.event().octoName());
        post.setHeader(DELIVERY, delivery.id());
        post.setHeader(WEBHOOK, webhook.id());
        post.setEntity(new StringEntity(delivery.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            String answer = read(response.getEntity(), post);
            long took = elapsed(started);
            if (status >= 200 && status < 300) {
                return new Outcome(status, null, took);
            }
            String why = status >= 300 && status < 400 ? "redirect " + status + " not followed" : "answered " + status;
            return new Outcome(status, answer.isBlank() ? why : why + ": " + answer, took);
        }
        catch (WebhookTargets.RefusedAddressException ex) {
            return new Outcome(null, "refused: address not allowed: " + ex.getMessage(), elapsed(started));
        }
        catch (UnknownHostException ex) {
            return new Outcome(null, "host does not resolve: " + ex.getMessage(), elapsed(started));
        }
        catch (IOException | RuntimeException ex) {
            String why = post.isCancelled() ? "no complete answer within " + timeout.toSeconds() + " s" : failure(ex);
            return new Outcome(null, why, elapsed(started));
        }
        finally {
            deadline.cancel(false);
        }
    }

    /**
     * A failed exchange in the operator's words, for its delivery log: what kind of failure and the client's
     * message, never the exception's class name ({@code ex.toString()} showed {@code org.apache.hc…Exception}).
     */
    private static String failure(Exception ex) {
        String kind = ex instanceof ConnectException ? "connection refused"
                : ex instanceof SocketTimeoutException ? "timed out"
                : ex instanceof SSLException ? "TLS handshake failed"
                : ex instanceof IOException ? "connection failed" : "sending failed";
        String message = ex.getMessage();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /**
     * At most {@code maxResponseBytes} of the answer, abbreviated for the log. A longer answer is cut off by
     * aborting the exchange: closing the stream would read the rest to reuse the connection.
     */
    private String read(HttpEntity entity, HttpPost post) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] head = in.readNBytes(maxResponseBytes);
        if (head.length == maxResponseBytes) {
            post.cancel();
        }
        else {
            in.close();
        }
        String text = new String(head, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** The resolver the connections use: only checked addresses come out of it. */
    private record CheckedDns(WebhookTargets targets) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return targets.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return targets.resolve(host)[0].getCanonicalHostName();
        }
    }
}
