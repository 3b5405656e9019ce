package ru.promtour.web.admin;

import java.util.List;
import java.util.Map;

import ru.promtour.web.gateway.GatewayClient;

/** The enterprises a form lets the admin choose from (the API key's tenant, the staff member's enterprise). */
final class Tenants {

    /** The catalog's largest page: a region has dozens of enterprises, not hundreds. */
    static final int CHOICES = 100;

    private Tenants() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> enterprises(GatewayClient gateway) {
        Map<String, Object> page = gateway.get(uri -> uri.path("/api/v1/enterprises").queryParam("size", CHOICES).build());
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }
}
