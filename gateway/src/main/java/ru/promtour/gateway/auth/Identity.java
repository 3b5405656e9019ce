package ru.promtour.gateway.auth;

import org.springframework.web.server.ServerWebExchange;
import ru.promtour.gateway.apikey.TenantType;

/** Who is calling: the tenant behind the presented API key, and which key it was. */
public record Identity(TenantType tenantType, String tenantId, String keyId) {

    static final String ATTRIBUTE = Identity.class.getName();

    /** The authenticated caller of this exchange, or null on public and unknown paths. */
    public static Identity of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
