package ru.promtour.catalog.enterprise;

/** The editable part of an enterprise, as given by the admin or the enterprise itself. */
public record EnterpriseProfile(String name, String legalName, String region, String city, String address,
                                Enterprise.Coordinates coordinates, String industry, String timeZone,
                                String description, Enterprise.Contacts contacts, EnterpriseStatus status) {
}
