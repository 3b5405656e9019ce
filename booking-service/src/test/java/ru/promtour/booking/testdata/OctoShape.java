package ru.promtour.booking.testdata;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ru.promtour.test.octo.OctoSchemas;
import tools.jackson.databind.JsonNode;

/**
 * {@link OctoSchemas} for a Booking, with one known gap of the validator: the spec declares
 * {@code cancellation}, {@code voucher} and {@code unitItems[].ticket} as {@code nullable: true} next to an
 * {@code allOf: [$ref]}, and its own examples answer {@code null} for them, but the OpenAPI 3.0 validator
 * applies the referenced object schema to the null as well. Exactly those three nulls are accepted here;
 * every other violation still fails.
 */
public final class OctoShape {

    private static final Pattern NULLABLE_ALL_OF = Pattern.compile(
            "^\\$\\.(cancellation|voucher|unitItems\\[\\d+]\\.ticket): null found, object expected$");

    private OctoShape() {
    }

    public static void assertBooking(String json) {
        Set<String> violations = OctoSchemas.violations("Booking", json).stream()
                .filter(v -> !NULLABLE_ALL_OF.matcher(v).matches())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!violations.isEmpty()) {
            throw new AssertionError("Body does not match OCTO schema Booking:\n  " + String.join("\n  ", violations)
                    + "\nBody: " + json);
        }
    }

    public static void assertEachBooking(String jsonArray) {
        JsonNode array = BookingApi.JSON.readTree(jsonArray);
        if (!array.isArray()) {
            throw new AssertionError("Expected a JSON array of bookings: " + jsonArray);
        }
        array.forEach(booking -> assertBooking(booking.toString()));
    }
}
