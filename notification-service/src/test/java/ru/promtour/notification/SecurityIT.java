package ru.promtour.notification;

import java.util.List;

import ru.promtour.test.security.ServiceSecurityContract;
import ru.promtour.test.security.TestTokens;

/**
 * The service's own port trusts only a valid internal token: a direct call without one, with bare
 * tenant headers or with a bad token is a 401; a valid token of any tenant type gets past security to
 * the delivery log, an operator's token on the admin paths is a 403 (the checks themselves:
 * {@link ServiceSecurityContract}).
 */
class SecurityIT extends ServiceSecurityContract {

    /** Past security, the delivery log answers 400: the bookingId parameter is missing. */
    SecurityIT() {
        super("notification-service", List.of("/api/v1/notifications"),
                new Call("/api/v1/notifications", TestTokens.operator("op-1"), 400),
                new Call("/api/v1/notifications", TestTokens.enterprise("ent-1"), 400),
                new Call("/api/v1/notifications", TestTokens.admin(), 400),
                new Call("/admin/templates", TestTokens.operator("op-1"), 403));
    }
}
