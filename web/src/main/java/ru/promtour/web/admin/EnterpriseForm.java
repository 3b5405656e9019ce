package ru.promtour.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The register-an-enterprise form as typed: every field a string, so a wrong number is answered next to its field
 * instead of failing the binding. {@link #body(Map)} turns it into the catalog's {@code POST /api/v1/enterprises} body.
 */
public record EnterpriseForm(String id, String name, String legalName, String region, String city, String address,
                             String lat, String lon, String industry, String timeZone, String description,
                             String email, String phone) {

    /** The API names nested fields by path; the form has them flat. */
    static final Map<String, String> API_FIELDS = Map.of("coordinates", "lat", "coordinates.lat", "lat",
            "coordinates.lon", "lon", "contacts", "email", "contacts.email", "email", "contacts.phone", "phone");

    /** An empty form, in Moscow time. */
    static EnterpriseForm empty() {
        return new EnterpriseForm(null, null, null, null, null, null, null, null, null, RussianTimeZones.DEFAULT, null,
                null, null);
    }

    /**
     * The API body; what this module can tell is wrong itself (a coordinate that is no number or only half given,
     * a zone outside Russia) goes into {@code errors} instead. Blank optional fields are left out.
     */
    Map<String, Object> body(Map<String, String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "id", id);
        put(body, "name", name);
        put(body, "legalName", legalName);
        put(body, "region", region == null ? null : region.strip().toUpperCase(java.util.Locale.ROOT));
        put(body, "city", city);
        put(body, "address", address);
        put(body, "industry", industry == null ? null : industry.strip().toUpperCase(java.util.Locale.ROOT));
        put(body, "timeZone", timeZone);
        put(body, "description", description);
        if (!RussianTimeZones.contains(timeZone)) {
            errors.put("timeZone", "choose one of the zones of Russia");
        }
        Double latitude = number("lat", lat, errors);
        Double longitude = number("lon", lon, errors);
        if (latitude != null && longitude != null) {
            body.put("coordinates", Map.of("lat", latitude, "lon", longitude));
        }
        else if (latitude != null || longitude != null) {
            errors.putIfAbsent(latitude == null ? "lat" : "lon", "give both coordinates or neither");
        }
        Map<String, Object> contacts = new LinkedHashMap<>();
        put(contacts, "email", email);
        put(contacts, "phone", phone == null ? null : phone.replaceAll("[\\s()-]", ""));
        if (!contacts.isEmpty()) {
            body.put("contacts", contacts);
        }
        return body;
    }

    private static Double number(String field, String text, Map<String, String> errors) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        }
        catch (NumberFormatException ex) {
            errors.put(field, "must be a number such as 54.51");
            return null;
        }
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (!isBlank(value)) {
            body.put(name, value.strip());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
