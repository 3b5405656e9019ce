package ru.promtour.catalog.slot;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleGeneratorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void localTimesStayOnTheWallClockAcrossTheSpringForward() {
        // Berlin switches to summer time on Sunday 2027-03-28
        List<Instant> starts = ScheduleGenerator.starts(EnumSet.allOf(DayOfWeek.class), List.of(LocalTime.of(10, 0)),
                LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29), BERLIN, LONG_AGO);

        assertThat(starts).containsExactly(Instant.parse("2027-03-27T09:00:00Z"), Instant.parse("2027-03-28T08:00:00Z"),
                Instant.parse("2027-03-29T08:00:00Z"));
    }

    @Test
    void aLocalTimeInTheGapMovesForwardByTheGapAndCollapsesWithTheSameResultingStart() {
        List<Instant> starts = ScheduleGenerator.starts(EnumSet.of(DayOfWeek.SUNDAY),
                List.of(LocalTime.of(2, 30), LocalTime.of(3, 30)), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28),
                BERLIN, LONG_AGO);

        // 02:30 does not exist that night: it becomes 03:30 CEST (01:30Z), the same start as 03:30
        assertThat(starts).containsExactly(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void aLocalTimeInTheOverlapIsTakenOnceAtTheEarlierOffset() {
        // Berlin falls back on Sunday 2027-10-31: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET)
        List<Instant> starts = ScheduleGenerator.starts(EnumSet.of(DayOfWeek.SUNDAY), List.of(LocalTime.of(2, 30)),
                LocalDate.of(2027, 10, 31), LocalDate.of(2027, 10, 31), BERLIN, LONG_AGO);

        assertThat(starts).containsExactly(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void irkutskIsUtcPlusEightAndVladivostokPlusTenAndKaliningradPlusTwo() {
        LocalDateTime tenAm = LocalDateTime.of(2026, 12, 1, 10, 0);

        assertThat(ScheduleGenerator.resolve(tenAm, ZoneId.of("Asia/Irkutsk"))).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(ScheduleGenerator.resolve(tenAm, ZoneId.of("Asia/Vladivostok"))).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(ScheduleGenerator.resolve(tenAm, ZoneId.of("Europe/Kaliningrad"))).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(ScheduleGenerator.resolve(tenAm, ZoneId.of("Europe/Moscow"))).isEqualTo("2026-12-01T07:00:00Z");
    }

    @Test
    void onlyTheChosenDaysAndNothingBeforeNotBefore() {
        // 2026-12-07 is a Monday
        List<Instant> starts = ScheduleGenerator.starts(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
                List.of(LocalTime.of(15, 0), LocalTime.of(10, 0)), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 13),
                ZoneId.of("Asia/Irkutsk"), Instant.parse("2026-12-07T03:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-09T02:00:00Z"),
                Instant.parse("2026-12-09T07:00:00Z"));
    }

    @Test
    void slotsStartAtMostTwoYearsAheadByDefault() {
        Period horizon = Binder.get(new StandardEnvironment()).bindOrCreate("catalog", CatalogProperties.class).slotHorizon();
        LocalDate today = LocalDate.of(2026, 12, 4);

        assertThat(horizon).isEqualTo(Period.ofYears(2));
        assertThatNoException().isThrownBy(() -> ScheduleGenerator.requireWithinHorizon("to", LocalDate.of(2028, 12, 4), today, horizon));
        for (LocalDate tooFar : List.of(LocalDate.of(2028, 12, 5), LocalDate.of(9999, 12, 31))) {
            assertThatThrownBy(() -> ScheduleGenerator.requireWithinHorizon("localStart", tooFar, today, horizon))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(ex -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("localStart"))
                    .hasMessageContaining("2028-12-04");
        }
    }
}
