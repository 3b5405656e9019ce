package ru.promtour.gateway.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout arithmetic on a clock that stands still. */
class LockoutTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00.250Z");

    private final Lockout lockout = new Lockout(new StaffProperties(Duration.ofDays(7), Duration.ofHours(12), 5,
            Duration.ofMinutes(15)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFirstFourFailuresLockNothing() {
        for (int failures = 1; failures <= 4; failures++) {
            assertThat(lockout.lockAfter(failures)).as("failure %d", failures).isNull();
        }
    }

    @Test
    void theFifthFailureLocksFifteenMinutesRoundedUpToTheSecond() {
        assertThat(lockout.lockAfter(5)).isEqualTo(Instant.parse("2026-12-05T10:15:01Z"));
        assertThat(lockout.lockAfter(6)).as("a failure counted concurrently past the limit locks as well")
            .isEqualTo(Instant.parse("2026-12-05T10:15:01Z"));
    }

    @Test
    void aMemberIsLockedUntilTheLockEndsNotAtIt() {
        Instant until = lockout.lockAfter(5);
        assertThat(member(until).lockedAt(NOW)).isTrue();
        assertThat(member(until).lockedAt(until.minusMillis(1))).isTrue();
        assertThat(member(until).lockedAt(until)).isFalse();
        assertThat(member(null).lockedAt(NOW)).isFalse();
    }

    @Test
    void aLockedActiveMemberReadsAsLockedOthersKeepTheirStatus() {
        Instant until = lockout.lockAfter(5);
        assertThat(member(until).statusAt(NOW)).isEqualTo(StaffStatus.LOCKED);
        assertThat(member(until).statusAt(until)).isEqualTo(StaffStatus.ACTIVE);
        StaffMember disabled = new StaffMember("stf-1", "a@b.ru", "A", StaffRole.ADMIN, null, StaffStatus.DISABLED,
                "{bcrypt}x", null, null, 0, until, null, NOW, NOW);
        assertThat(disabled.statusAt(NOW)).isEqualTo(StaffStatus.DISABLED);
    }

    @Test
    void theRefusalNamesTheLimitAndTheTimeToComeBack() {
        assertThat(lockout.refusal(lockout.lockAfter(5))).isEqualTo("The account is locked after 5 failed sign-ins; "
                + "try again after 2026-12-05T10:15:01Z or ask the regional office");
    }

    private static StaffMember member(Instant lockedUntil) {
        return new StaffMember("stf-1", "a@b.ru", "A", StaffRole.ENTERPRISE, "ent-1", StaffStatus.ACTIVE, "{bcrypt}x",
                null, null, 0, lockedUntil, null, NOW, null);
    }
}
