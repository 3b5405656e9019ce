package ru.promtour.test.octo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OctoSchemasTest {

    @Test
    void aConformingErrorBodyPasses() {
        OctoSchemas.assertMatches("ErrorInvalidProductID",
                "{\"error\":\"INVALID_PRODUCT_ID\",\"errorMessage\":\"The productId was missing or invalid\",\"productId\":\"p1\"}");
    }

    @Test
    void missingRequiredFieldsWrongTypesAndNestedReferencesAreReported() {
        assertThat(OctoSchemas.violations("ErrorInvalidProductID", "{\"error\":\"INVALID_PRODUCT_ID\",\"errorMessage\":\"x\"}"))
                .anyMatch(v -> v.contains("productId"));
        assertThat(OctoSchemas.violations("Supplier",
                "{\"id\":\"s\",\"name\":\"n\",\"endpoint\":\"https://x\",\"contact\":{\"website\":null,\"email\":1,\"telephone\":null,\"address\":null}}"))
                .anyMatch(v -> v.contains("email"));
        assertThatThrownBy(() -> OctoSchemas.assertMatches("Supplier", "{}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("endpoint");
    }

    @Test
    void nullableFieldsAcceptNull() {
        assertThat(OctoSchemas.violations("Supplier",
                "{\"id\":\"s\",\"name\":\"n\",\"endpoint\":\"https://x\",\"contact\":{\"website\":null,\"email\":null,\"telephone\":null,\"address\":null}}"))
                .isEmpty();
    }

    @Test
    void aNullableAllOfAcceptsNullAndStillChecksAnObject() {
        String ticketless = "{\"uuid\":\"u\",\"resellerReference\":null,\"supplierReference\":null,\"unitId\":\"adult\","
                + "\"status\":\"ON_HOLD\",\"utcRedeemedAt\":null,\"contact\":%s,\"ticket\":%s}";
        String contact = "{\"fullName\":null,\"firstName\":null,\"lastName\":null,\"emailAddress\":null,"
                + "\"phoneNumber\":null,\"locales\":[],\"postalCode\":null,\"country\":null,\"notes\":null}";
        assertThat(OctoSchemas.violations("UnitItem", ticketless.formatted(contact, "null"))).isEmpty();
        assertThat(OctoSchemas.violations("UnitItem", ticketless.formatted(contact,
                "{\"redemptionMethod\":\"MANIFEST\",\"utcRedeemedAt\":null,\"deliveryOptions\":"
                        + "[{\"deliveryFormat\":\"QRCODE\",\"deliveryValue\":\"PT-ABC123\"}]}"))).isEmpty();
        assertThat(OctoSchemas.violations("UnitItem", ticketless.formatted(contact,
                "{\"redemptionMethod\":\"SCAN\",\"utcRedeemedAt\":null,\"deliveryOptions\":[]}")))
                .anyMatch(v -> v.contains("redemptionMethod"));
        assertThat(OctoSchemas.violations("UnitItem", ticketless.formatted(contact, "{}")))
                .anyMatch(v -> v.contains("deliveryOptions"));
        // contact is an allOf without nullable: null stays refused
        assertThat(OctoSchemas.violations("UnitItem", ticketless.formatted("null", "null"))).isNotEmpty();
    }
}
