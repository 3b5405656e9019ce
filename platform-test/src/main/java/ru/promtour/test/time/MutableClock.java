package ru.promtour.test.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves: either the system clock shifted by an offset ({@link #system()}, it keeps
 * ticking) or a clock that stands still until moved ({@link #fixedAt}). Move it with {@link #advance}
 * or {@link #set}, put it back with {@link #reset}. Always UTC; thread-safe, so an application under
 * test may read it while the test moves it. Register it as the application's {@code @Primary Clock}
 * bean in a {@code @TestConfiguration}.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** The system clock (UTC), until the test moves it. */
    public static MutableClock system() {
        return new MutableClock(Clock.systemUTC());
    }

    /** A clock standing at {@code instant} until the test moves it. */
    public static MutableClock fixedAt(Instant instant) {
        return new MutableClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Moves the clock forward by {@code by} (backwards when negative). */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves the clock to {@code instant} (a {@link #system()} clock keeps ticking from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Puts the clock back where it started: the system time, or the instant it was fixed at. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
