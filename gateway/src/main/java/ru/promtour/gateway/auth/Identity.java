package ru.promtour.gateway.auth;

import org.springframework.web.server.ServerWebExchange;
import ru.promtour.gateway.apikey.TenantType;

/**
 * Who is calling: the tenant behind the presented API key, and which key it was; for operators also the
 * registered name and email (null otherwise), which the internal token carries to the services. A staff session
 * (ADR 0008) is the member's tenant, key id {@code session:<memberId>}, with the member's name and e-mail.
 */
public record Identity(TenantType tenantType, String tenantId, String keyId, String name, String email) {

    public Identity(TenantType tenantType, String tenantId, String keyId) {
        this(tenantType, tenantId, keyId, null, null);
    }

    static final String ATTRIBUTE = Identity.class.getName();

    /** The authenticated caller of this exchange, or null on public and unknown paths. */
    public static Identity of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
