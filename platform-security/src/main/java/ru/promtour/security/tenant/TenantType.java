package ru.promtour.security.tenant;

import java.util.Optional;

/**
 * The three kinds of API-key holders the gateway knows; carried in the {@code tenant_type} claim and
 * turned into the authority {@code ROLE_<name>}, so rules read {@code hasRole("OPERATOR")}.
 */
public enum TenantType {
    /** The platform admin (regional tourism office); its tenant id is {@code admin}. */
    ADMIN,
    /** An enterprise (factory); its tenant id is the catalog's enterprise id. */
    ENTERPRISE,
    /** A tour operator (reseller); its tenant id is the operator id. */
    OPERATOR;

    /** The granted authority of this type, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The type named exactly {@code value} (case-sensitive, as the gateway writes it), if any. */
    public static Optional<TenantType> parse(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        for (TenantType type : values()) {
            if (type.name().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
