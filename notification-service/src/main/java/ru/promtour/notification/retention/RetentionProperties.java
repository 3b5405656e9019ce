package ru.promtour.notification.retention;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long personal data stays in the notification service, prefix {@code notification.retention}.
 *
 * @param enabled   run the sweep
 * @param interval  delay between sweeps
 * @param keep      a finished message keeps its body and full recipient this long after its last change; a booking
 *                  copy keeps its group leader's contact this long after the visit (booking-service's
 *                  {@code booking.manifest.retention-days} is 30 days too)
 * @param batchSize messages per sweep
 */
@Validated
@ConfigurationProperties("notification.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled,
                                  @NotNull @DefaultValue("PT1H") Duration interval,
                                  @NotNull @DefaultValue("P30D") Duration keep,
                                  @Min(1) @DefaultValue("1000") int batchSize) {
}
