package ru.promtour.gateway.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff accounts ({@code platform.staff}).
 *
 * @param inviteTtl         how long an invitation's token may set the password
 * @param sessionTtl        how long a session token lives after sign-in
 * @param maxFailedSignIns  the consecutive wrong passwords that lock an account
 * @param lockout           how long such a lock lasts
 */
@ConfigurationProperties("platform.staff")
public record StaffProperties(
        @DefaultValue("7d") Duration inviteTtl,
        @DefaultValue("12h") Duration sessionTtl,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout) {

    public StaffProperties {
        if (inviteTtl.isNegative() || inviteTtl.isZero() || sessionTtl.isNegative() || sessionTtl.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("platform.staff.invite-ttl, session-ttl and lockout must be positive");
        }
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("platform.staff.max-failed-sign-ins must be at least 1");
        }
    }
}
