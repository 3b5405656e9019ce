package ru.promtour.security.tenant;

import java.util.Objects;

/**
 * The caller of the current request, taken from the gateway's verified internal token. It is the
 * authentication principal, so a controller can declare {@code @AuthenticationPrincipal Tenant tenant}.
 * <p>
 * Ownership checks ({@link #requireEnterprise}, {@link #requireOperator}) throw
 * {@link NotFoundForTenantException} (404), never 403: an enterprise asking for another enterprise's
 * data must not learn that it exists.
 *
 * @param type      who the caller is
 * @param id        enterprise id, operator id, or {@code admin}
 * @param keyId     id of the API key the gateway authenticated (for audit logs)
 * @param requestId the {@code X-Request-Id} of the original request (for correlation)
 * @param name      the tenant's display name when the gateway knows it (operators), else null
 * @param email     the tenant's contact email when the gateway knows it (operators), else null; services put
 *                  it into events so notifications reach the operator without calling the gateway
 */
public record Tenant(TenantType type, String id, String keyId, String requestId, String name, String email) {

    public Tenant {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    /** A tenant without name and email (enterprises, the admin, older tokens). */
    public Tenant(TenantType type, String id, String keyId, String requestId) {
        this(type, id, keyId, requestId, null, null);
    }

    /** The token subject, {@code <TENANT_TYPE>:<tenantId>}. */
    public String subject() {
        return type.name() + ":" + id;
    }

    /** Whether the caller is the platform admin. */
    public boolean isAdmin() {
        return type == TenantType.ADMIN;
    }

    /** Whether the caller is exactly the enterprise {@code enterpriseId}. */
    public boolean isEnterprise(String enterpriseId) {
        return type == TenantType.ENTERPRISE && id.equals(enterpriseId);
    }

    /** Whether the caller is exactly the operator {@code operatorId}. */
    public boolean isOperator(String operatorId) {
        return type == TenantType.OPERATOR && id.equals(operatorId);
    }

    /** Whether the caller may see data owned by enterprise {@code enterpriseId}: that enterprise or the admin. */
    public boolean canAccessEnterprise(String enterpriseId) {
        return isAdmin() || isEnterprise(enterpriseId);
    }

    /** Whether the caller may see data owned by operator {@code operatorId}: that operator or the admin. */
    public boolean canAccessOperator(String operatorId) {
        return isAdmin() || isOperator(operatorId);
    }

    /**
     * Passes when the caller is enterprise {@code enterpriseId} or the admin; otherwise throws
     * {@link NotFoundForTenantException} (404), exactly as if the data did not exist.
     *
     * @return this tenant, for chaining
     */
    public Tenant requireEnterprise(String enterpriseId) {
        if (!canAccessEnterprise(enterpriseId)) {
            throw new NotFoundForTenantException();
        }
        return this;
    }

    /**
     * Passes when the caller is operator {@code operatorId} or the admin; otherwise throws
     * {@link NotFoundForTenantException} (404), exactly as if the data did not exist.
     *
     * @return this tenant, for chaining
     */
    public Tenant requireOperator(String operatorId) {
        if (!canAccessOperator(operatorId)) {
            throw new NotFoundForTenantException();
        }
        return this;
    }
}
