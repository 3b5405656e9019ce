package ru.promtour.security.tenant;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The tenant of the request being handled, for code below the controllers (application services)
 * that should not take the tenant as a parameter everywhere. A bean (auto-configured), so it can be
 * injected by constructor and replaced in tests.
 */
public class CurrentTenant {

    private final SecurityContextHolderStrategy holder;

    /** Reads the thread's security context through Spring Security's global strategy. */
    public CurrentTenant() {
        this(SecurityContextHolder.getContextHolderStrategy());
    }

    /** Reads the security context through {@code holder}. */
    public CurrentTenant(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    /** The caller, if the request carried a valid internal token (empty on public paths without one). */
    public Optional<Tenant> find() {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Tenant tenant) {
            return Optional.of(tenant);
        }
        return Optional.empty();
    }

    /**
     * The caller.
     *
     * @throws AuthenticationCredentialsNotFoundException (401) when there is none, which only happens on
     *                                                    a public path or outside a request
     */
    public Tenant get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated tenant"));
    }

    /** Whether the caller is the platform admin. */
    public boolean isAdmin() {
        return find().map(Tenant::isAdmin).orElse(false);
    }

    /** Whether the caller is exactly enterprise {@code enterpriseId}. */
    public boolean isEnterprise(String enterpriseId) {
        return find().map(t -> t.isEnterprise(enterpriseId)).orElse(false);
    }

    /** Whether the caller is exactly operator {@code operatorId}. */
    public boolean isOperator(String operatorId) {
        return find().map(t -> t.isOperator(operatorId)).orElse(false);
    }

    /** See {@link Tenant#requireEnterprise(String)}: that enterprise or the admin, else 404. */
    public Tenant requireEnterprise(String enterpriseId) {
        return get().requireEnterprise(enterpriseId);
    }

    /** See {@link Tenant#requireOperator(String)}: that operator or the admin, else 404. */
    public Tenant requireOperator(String operatorId) {
        return get().requireOperator(operatorId);
    }
}
