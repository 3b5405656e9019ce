package ru.promtour.security.tenant;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified internal token whose principal is the {@link Tenant}. Extends
 * {@link JwtAuthenticationToken} so code that expects the JWT keeps working, while
 * {@code @AuthenticationPrincipal Tenant} and {@link CurrentTenant} get the typed caller.
 */
public class TenantAuthentication extends JwtAuthenticationToken {

    private final Tenant tenant;

    /**
     * @param jwt         the verified token
     * @param tenant      the caller read from its claims
     * @param authorities {@code ROLE_<TENANT_TYPE>} (and the bearer factor)
     */
    public TenantAuthentication(Jwt jwt, Tenant tenant, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, tenant.subject());
        this.tenant = tenant;
    }

    /** The caller. */
    public Tenant tenant() {
        return tenant;
    }

    @Override
    public Object getPrincipal() {
        return tenant;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantAuthentication that && super.equals(that) && tenant.equals(that.tenant);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + tenant.hashCode();
    }
}
