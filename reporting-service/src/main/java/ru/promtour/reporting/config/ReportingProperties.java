package ru.promtour.reporting.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param projection how the projection reads its topics
 */
@ConfigurationProperties("reporting")
public record ReportingProperties(@DefaultValue Projection projection) {

    /**
     * @param groupPrefix       consumer group of generation N: {@code <groupPrefix>.g<N>} (a rebuild is a new group,
     *                          so it starts from the first offset)
     * @param concurrency       consumer threads per generation
     * @param reconcileInterval how often an instance checks which generation to feed and whether a rebuild caught up
     */
    public record Projection(@DefaultValue("reporting-service") String groupPrefix,
                             @DefaultValue("2") int concurrency,
                             @DefaultValue("2s") Duration reconcileInterval) {
    }
}
