package ru.promtour.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * The lockout arithmetic ({@code platform.staff.max-failed-sign-ins} wrong passwords in a row lock an account for
 * {@code platform.staff.lockout}) and the words of its refusal. The count itself lives on the member document.
 */
@Component
class Lockout {

    private final StaffProperties properties;
    private final Clock clock;

    Lockout(StaffProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Now, to the millisecond the store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The lock a wrong password sets, given the consecutive failures it makes (itself included): until
     * {@code now + lockout}, rounded up to the second (the time the refusal names), when that reaches the maximum;
     * none (null) before.
     */
    Instant lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < properties.maxFailedSignIns()) {
            return null;
        }
        Instant until = now().plus(properties.lockout());
        return until.getNano() == 0 ? until : until.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    int maxFailures() {
        return properties.maxFailedSignIns();
    }

    /** Why a sign-in is refused while the account is locked until {@code until}. */
    String refusal(Instant until) {
        return "The account is locked after " + properties.maxFailedSignIns() + " failed sign-ins; try again after "
                + DateTimeFormatter.ISO_INSTANT.format(until) + " or ask the regional office";
    }
}
