package ru.promtour.security.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.promtour.logging.LogFields;
import ru.promtour.security.tenant.Tenant;

/**
 * Puts the authenticated tenant's id into the MDC ({@code tenant.id}) for the rest of the request, right after
 * the bearer token has been verified; a request without a valid token logs none. Part of the security chain,
 * not a bean, so the servlet container does not run it a second time outside the chain.
 */
public class TenantLogFilter extends OncePerRequestFilter {

    private final SecurityContextHolderStrategy holder;

    public TenantLogFilter() {
        this(SecurityContextHolder.getContextHolderStrategy());
    }

    TenantLogFilter(SecurityContextHolderStrategy holder) {
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenantId = holder.getContext().getAuthentication() != null
                && holder.getContext().getAuthentication().getPrincipal() instanceof Tenant tenant ? tenant.id() : null;
        try (LogFields.MdcScope ignored = LogFields.MdcScope.put(LogFields.TENANT_ID, tenantId)) {
            chain.doFilter(request, response);
        }
    }
}
