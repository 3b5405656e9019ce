package ru.promtour.catalog.enterprise;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise (factory) that opens its gates to visitors.
 *
 * @param region   ISO 3166-2:RU subdivision code, e.g. {@code RU-KLU}
 * @param timeZone IANA zone every local time of its slots, cut-offs and reminders is computed in
 */
@Document(Enterprise.COLLECTION)
public record Enterprise(@Id String id, String name, String legalName, String region, String city, String address,
                         Coordinates coordinates, String industry, String timeZone, String description,
                         Contacts contacts, EnterpriseStatus status, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "enterprises";

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Geographic position (WGS 84). */
    public record Coordinates(double lat, double lon) {
    }

    /** Public contacts: phone in E.164, email, website. All optional. */
    public record Contacts(String phone, String email, String website) {
    }
}
