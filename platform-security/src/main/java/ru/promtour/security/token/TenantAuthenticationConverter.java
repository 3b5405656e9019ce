package ru.promtour.security.token;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import ru.promtour.security.tenant.Tenant;
import ru.promtour.security.tenant.TenantAuthentication;
import ru.promtour.security.tenant.TenantType;

/**
 * Turns a verified internal token into a {@link TenantAuthentication}: principal {@link Tenant},
 * authority {@code ROLE_<tenant_type>} (plus the bearer factor Spring Security 7's own converter adds).
 * Authorities come only from {@code tenant_type}; no scope or other claim grants anything.
 */
public final class TenantAuthenticationConverter implements Converter<Jwt, TenantAuthentication> {

    @Override
    public TenantAuthentication convert(Jwt jwt) {
        Tenant tenant = toTenant(jwt);
        List<GrantedAuthority> authorities = List.of(
                new SimpleGrantedAuthority(tenant.type().authority()),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        return new TenantAuthentication(jwt, tenant, authorities);
    }

    /**
     * The tenant named by the token's claims.
     *
     * @throws InvalidBearerTokenException (401) when the tenant claims are missing, which the validators
     *                                     normally catch first
     */
    public static Tenant toTenant(Jwt jwt) {
        TenantType type = TenantType.parse(jwt.getClaims().get(InternalTokenClaims.TENANT_TYPE))
                .orElseThrow(() -> new InvalidBearerTokenException("The tenant_type claim is missing or unknown"));
        String id = jwt.getClaimAsString(InternalTokenClaims.TENANT_ID);
        if (id == null || id.isBlank()) {
            throw new InvalidBearerTokenException("The tenant_id claim is missing or blank");
        }
        return new Tenant(type, id, jwt.getClaimAsString(InternalTokenClaims.KEY_ID),
                jwt.getClaimAsString(InternalTokenClaims.REQUEST_ID),
                jwt.getClaimAsString(InternalTokenClaims.TENANT_NAME),
                jwt.getClaimAsString(InternalTokenClaims.TENANT_EMAIL));
    }
}
