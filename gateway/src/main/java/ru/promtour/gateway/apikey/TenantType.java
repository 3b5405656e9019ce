package ru.promtour.gateway.apikey;

/** Who holds a key: the platform admin, an enterprise (factory), or a tour operator. */
public enum TenantType {
    ADMIN, ENTERPRISE, OPERATOR
}
