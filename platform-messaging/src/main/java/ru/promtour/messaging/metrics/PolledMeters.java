package ru.promtour.messaging.metrics;

/** Meters whose values are read from the store or the broker by the {@link MetricsPoller}, never by a scrape. */
public interface PolledMeters {

    /** Reads the current values into the meters; a failure keeps the last values. Never throws. */
    void refresh();
}
