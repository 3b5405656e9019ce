package ru.promtour.gateway.staff;

import ru.promtour.gateway.apikey.TenantType;

/** What a staff member signs in as: a member of one enterprise, or the regional office (the platform admin). */
public enum StaffRole {
    ENTERPRISE, ADMIN;

    /** The tenant type a session of this role resolves to, as an API key of that type would. */
    public TenantType tenantType() {
        return this == ADMIN ? TenantType.ADMIN : TenantType.ENTERPRISE;
    }
}
