package ru.promtour.catalog.enterprise.web;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.enterprise.Enterprise;

/** An enterprise as the API shows it. */
public record EnterpriseResponse(String id, String name, String legalName, String region, String city,
                                 String address, Enterprise.Coordinates coordinates, String industry,
                                 String timeZone, String description, Enterprise.Contacts contacts, String status,
                                 Instant createdAt, Instant updatedAt) {

    /** A page of enterprises; {@code total} counts all that match. */
    public record Page(List<EnterpriseResponse> items, int page, int size, long total) {
    }

    static EnterpriseResponse of(Enterprise e) {
        return new EnterpriseResponse(e.id(), e.name(), e.legalName(), e.region(), e.city(), e.address(),
                e.coordinates(), e.industry(), e.timeZone(), e.description(), e.contacts(), e.status().name(),
                e.createdAt(), e.updatedAt());
    }
}
