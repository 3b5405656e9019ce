package ru.promtour.booking;

import java.util.List;

import ru.promtour.test.security.ServiceSecurityContract;
import ru.promtour.test.security.TestTokens;

/**
 * The service's own port trusts only a valid internal token: a direct call without one, with bare
 * tenant headers or with a bad token is a 401; a valid token gets past security, an operator's token on
 * the enterprise API is a 403 problem (the checks themselves: {@link ServiceSecurityContract}).
 */
class SecurityIT extends ServiceSecurityContract {

    SecurityIT() {
        super("booking-service", List.of("/api/v1/bookings", "/octo/bookings"),
                new Call("/api/v1/bookings", TestTokens.enterprise("ent-1"), 200),
                new Call("/api/v1/bookings", TestTokens.operator("op-1"), 403));
    }
}
