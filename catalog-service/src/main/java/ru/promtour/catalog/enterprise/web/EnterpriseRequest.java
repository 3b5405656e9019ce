package ru.promtour.catalog.enterprise.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseProfile;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.shared.TimeZoneId;

/**
 * Body of {@code POST /api/v1/enterprises} and {@code PUT /api/v1/enterprises/{id}}. {@code id} is only
 * read on POST (optional: the demo enterprises use fixed ids).
 */
public record EnterpriseRequest(
        @Pattern(regexp = "^[a-z0-9][a-z0-9-]{2,63}$", message = "must be 3-64 lowercase letters, digits or '-'") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 300) String legalName,
        @NotNull @Pattern(regexp = "^RU-[A-Z]{2,3}$", message = "must be an ISO 3166-2:RU code such as RU-KLU") String region,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 300) String address,
        @Valid CoordinatesRequest coordinates,
        @NotBlank @Pattern(regexp = "^[A-Z][A-Z_]{1,39}$", message = "must be an upper-case code such as CONFECTIONERY") String industry,
        @NotBlank @TimeZoneId String timeZone,
        @Size(max = 5000) String description,
        @Valid ContactsRequest contacts,
        EnterpriseStatus status) {

    public record CoordinatesRequest(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    public record ContactsRequest(
            @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$", message = "must be an E.164 number such as +74842000000") String phone,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "^https?://\\S{1,250}$", message = "must be an http(s) URL") String website) {
    }

    EnterpriseProfile toProfile() {
        return new EnterpriseProfile(name, legalName, region, city, address,
                coordinates == null ? null : new Enterprise.Coordinates(coordinates.lat(), coordinates.lon()),
                industry, timeZone, description,
                contacts == null ? null : new Enterprise.Contacts(contacts.phone(), contacts.email(), contacts.website()),
                status);
    }
}
