package ru.promtour.reporting.settlement;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.reporting.ReportingTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One close of a month at a time: a second close while the first is at work is refused, a close that failed half-way
 * (still CLOSING after the lease) is taken over, and a closed month is never begun again. Months of 2019, which no
 * other test uses.
 */
@ReportingTest
class ClosedMonthsIT {

    @Autowired
    ClosedMonths months;

    @Test
    void aMonthIsClosedByOneCloseAtATimeAndAFailedCloseIsTakenOverAfterTheLease() {
        Instant first = Instant.parse("2026-12-05T09:00:00Z");
        assertThat(months.begin(closing("2019-01", first))).as("never closed: begins").isTrue();
        assertThat(months.begin(closing("2019-01", first.plus(Duration.ofMinutes(1)))))
                .as("another close at work").isFalse();
        assertThat(months.begin(closing("2019-01", first.plus(ClosedMonths.LEASE).plusSeconds(1))))
                .as("the first failed half-way: taken over after the lease").isTrue();

        months.finish(new ClosedMonths.ClosedMonth("2019-01", ClosedMonths.CLOSED, first, "ADMIN:admin", 3));
        assertThat(months.isClosed("2019-01")).isTrue();
        assertThat(months.begin(closing("2019-01", first.plus(Duration.ofDays(30))))).as("closed for good").isFalse();
        assertThat(months.closed()).containsKey("2019-01");
    }

    private static ClosedMonths.ClosedMonth closing(String month, Instant at) {
        return new ClosedMonths.ClosedMonth(month, ClosedMonths.CLOSING, at, "ADMIN:admin", 0);
    }
}
