package ru.promtour.test.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MutableClockTest {

    private static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");

    @Test
    void aFixedClockStandsStillUntilMovedAndResetsToWhereItStarted() {
        MutableClock clock = MutableClock.fixedAt(T0);

        assertThat(clock.instant()).isEqualTo(T0);
        clock.advance(Duration.ofHours(2));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(2)));
        clock.set(T0.plusSeconds(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
        assertThat(clock.millis()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
        clock.reset();
        assertThat(clock.instant()).isEqualTo(T0);
    }

    @Test
    void theSystemClockTicksFromWhereverTheTestMovedIt() {
        MutableClock clock = MutableClock.system();

        assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        clock.advance(Duration.ofDays(3));
        assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofDays(3)), within(5, ChronoUnit.SECONDS));
        clock.set(T0);
        assertThat(clock.instant()).isCloseTo(T0, within(5, ChronoUnit.SECONDS)).isAfterOrEqualTo(T0);
        clock.reset();
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
