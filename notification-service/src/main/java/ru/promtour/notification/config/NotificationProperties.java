package ru.promtour.notification.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service, prefix {@code notification}.
 *
 * @param mail      the email sender
 * @param sms       the SMS provider (the local stack's sink speaks the same API)
 * @param dispatch  how queued messages are sent and retried
 * @param reminders the day-before and manifest reminders
 * @param webhooks  the operators' webhooks (OCTO {@code octo/webhooks})
 */
@Validated
@ConfigurationProperties("notification")
public record NotificationProperties(@Valid @DefaultValue Mail mail, @Valid @DefaultValue Sms sms,
                                     @Valid @DefaultValue Dispatch dispatch, @Valid @DefaultValue Reminders reminders,
                                     @Valid @DefaultValue Webhooks webhooks) {

    /** @param from the From header of every email */
    public record Mail(@NotBlank @DefaultValue("PromTour <no-reply@promtour.ru>") String from) {
    }

    /**
     * @param baseUrl        provider base URL; the client posts to {@code <baseUrl>/v1/messages}
     * @param token          bearer token
     * @param sender         alphanumeric sender name (at most 11 characters)
     * @param connectTimeout TCP connect timeout
     * @param requestTimeout whole-request timeout: a hanging provider frees the thread after this
     */
    public record Sms(@NotNull @DefaultValue("http://localhost:8026") URI baseUrl,
                      @NotBlank @DefaultValue("local-dev-sms-token") String token,
                      @NotBlank @DefaultValue("PromTour") String sender,
                      @NotNull @DefaultValue("2s") Duration connectTimeout,
                      @NotNull @DefaultValue("3s") Duration requestTimeout) {
    }

    /**
     * @param enabled           run the dispatcher (off in tests that only look at what is queued)
     * @param pollInterval      how often the dispatcher looks for due messages (new ones wake it at once)
     * @param threadsPerChannel sending threads of each channel: a slow channel never starves the other
     * @param maxAttempts       sends per message before FAILED (each send is itself retried by Resilience4j)
     * @param initialBackoff    delay before the second send, doubled each time (with jitter) up to maxBackoff
     * @param maxBackoff        cap of that delay
     * @param sendLease         a SENDING claim older than this was interrupted (crash): sent again with the same
     *                          message id; above the longest send (3 tries of at most 13 s each, with backoff)
     */
    public record Dispatch(@DefaultValue("true") boolean enabled,
                           @NotNull @DefaultValue("1s") Duration pollInterval,
                           @Min(1) @DefaultValue("2") int threadsPerChannel,
                           @Min(1) @DefaultValue("6") int maxAttempts,
                           @NotNull @DefaultValue("10s") Duration initialBackoff,
                           @NotNull @DefaultValue("10m") Duration maxBackoff,
                           @NotNull @DefaultValue("90s") Duration sendLease) {
    }

    /**
     * @param enabled            run the reminder sweep
     * @param interval           delay between sweeps
     * @param at                 local time of day of reminders, in the enterprise's zone
     * @param manifestDaysBefore days before the manifest deadline the operator is reminded
     * @param batchSize          bookings per sweep and kind
     */
    public record Reminders(@DefaultValue("true") boolean enabled,
                            @NotNull @DefaultValue("PT1M") Duration interval,
                            @NotNull @DefaultValue("10:00") LocalTime at,
                            @Min(0) @DefaultValue("2") int manifestDaysBefore,
                            @Min(1) @DefaultValue("500") int batchSize) {
    }

    /**
     * @param enabled           run the webhook dispatcher (off in tests that only look at what is queued)
     * @param allowHttpLoopback accept {@code http://} and loopback targets: only the local and test profiles, so a
     *                          receiver on localhost works; production takes public {@code https://} targets only
     * @param secretKey         AES-256 key (base64, 32 bytes) that encrypts the signing secrets at rest
     * @param pollInterval      how often due deliveries are looked for (new ones wake the dispatcher at once)
     * @param threads           concurrent deliveries of this instance
     * @param timeout           connect and response timeout of one delivery
     * @param maxResponseBytes  the most of a receiver's answer that is read (and kept, abbreviated, as the error)
     * @param giveUpAfter       a delivery not accepted this long after it was queued is FAILED (the backoff between
     *                          attempts is Resilience4j's retry {@code webhook})
     * @param sendLease         a SENDING claim older than this was interrupted (crash): FAILED, not re-sent
     * @param maxPerOperator    webhooks one operator may register
     */
    public record Webhooks(@DefaultValue("true") boolean enabled,
                           @DefaultValue("false") boolean allowHttpLoopback,
                           @NotBlank @DefaultValue("bG9jYWwtZGV2LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=") String secretKey,
                           @NotNull @DefaultValue("1s") Duration pollInterval,
                           @Min(1) @DefaultValue("4") int threads,
                           @NotNull @DefaultValue("5s") Duration timeout,
                           @Min(1) @DefaultValue("65536") int maxResponseBytes,
                           @NotNull @DefaultValue("24h") Duration giveUpAfter,
                           @NotNull @DefaultValue("5m") Duration sendLease,
                           @Min(1) @DefaultValue("20") int maxPerOperator) {
    }
}
