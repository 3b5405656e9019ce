package ru.promtour.booking.booking.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.booking.manifest.Manifests;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Visitor manifests for secure sites: completeness, CSV, who may see them, the warning, and retention. */
class ManifestIT extends BookingIT {

    private static final String PASSPORT = "{\"documentType\":\"PASSPORT\",\"documentNumber\":\"2514 123456\",\"birthDate\":\"1980-05-01\"}";

    @Autowired
    Manifests manifests;

    private String booking(Program p, String slotId, String uuid, String unitItems) {
        Answer held = reserve("""
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[%s]}"""
                .formatted(uuid, p.excursionId(), slotId, unitItems));
        assertThat(held.text("status")).as(held.toString()).isEqualTo("ON_HOLD");
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT).text("status")).isEqualTo("CONFIRMED");
        return held.text("id");
    }

    @Test
    void theOwningEnterpriseGetsTheManifestWithCompletenessAsJsonAndCsv() {
        Program p = Program.instant("Asia/Irkutsk").secure();
        String slotId = slot(p, Duration.ofDays(10), 40);
        String uuid = uuid();
        booking(p, slotId, uuid, "{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Петров Пётр\"},\"visitor\":" + PASSPORT
                + "},{\"unitId\":\"adult\"}");
        BookingApi enterprise = operator.as(TestTokens.enterprise(p.enterpriseId()));

        JsonNode manifest = enterprise.get("/api/v1/manifests/" + slotId).json();
        assertThat(manifest.path("documents").asString()).isEqualTo("PASSPORT_AND_BIRTH_CERTIFICATE");
        assertThat(manifest.path("bookings")).hasSize(1);
        assertThat(manifest.path("bookings").path(0).path("complete").asBoolean()).isFalse();
        assertThat(manifest.path("bookings").path(0).path("visitors").path(0).path("documentNumber").asString()).isEqualTo("2514 123456");

        Answer csv = enterprise.get("/api/v1/manifests/" + slotId + "?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("supplierReference,status,complete").contains("\"Петров Пётр\"").contains("\"2514 123456\"");
        assertThat(csv.body().lines()).hasSize(3);

        Answer patched = operator.patch("/octo/bookings/" + uuid, "{\"unitItems\":[{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Петров Пётр\"},\"visitor\":"
                + PASSPORT + "},{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Сидорова Анна\"},\"visitor\":"
                + PASSPORT.replace("123456", "654321") + "}]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(enterprise.get("/api/v1/manifests/" + slotId).json().path("bookings").path(0).path("complete").asBoolean()).isTrue();

        Answer foreign = operator.as(TestTokens.enterprise("ent-stranger")).get("/api/v1/manifests/" + slotId);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(operator.get("/api/v1/manifests/" + slotId).status()).isEqualTo(403);
        assertThat(enterprise.get("/api/v1/manifests/" + slotId + "?format=xls").status()).isEqualTo(400);
    }

    @Test
    void aVisitorsBirthDateMustFitTheUnitsAgeRange() {
        Program p = Program.instant("Europe/Moscow").secure();
        String slotId = slot(p, Duration.ofDays(10), 40);

        Answer child = reserve("""
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[{"unitId":"adult","visitor":{"birthDate":"2020-01-01"}}]}"""
                .formatted(uuid(), p.excursionId(), slotId));
        Answer badDate = reserve("""
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[{"unitId":"adult","visitor":{"birthDate":"01.01.1980"}}]}"""
                .formatted(uuid(), p.excursionId(), slotId));

        assertThat(child.text("error")).as(child.toString()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(child.text("errorMessage")).contains("unitItems[0].visitor.birthDate");
        assertThat(badDate.text("error")).isEqualTo("BAD_REQUEST");
        assertThat(badDate.text("errorMessage")).contains("unitItems[0].visitor.birthDate");
    }

    @Test
    void anIncompleteListIsReportedOnceBeforeTheDeadlineAndPersonalDataGoesAfterTheVisit() {
        Program p = Program.instant("Europe/Kaliningrad").secure();
        String slotId = slot(p, Duration.ofDays(4), 40);
        String incomplete = uuid();
        String complete = uuid();
        String incompleteId = booking(p, slotId, incomplete, "{\"unitId\":\"adult\"}");
        String completeId = booking(p, slotId, complete, "{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Петров Пётр\"},\"visitor\":" + PASSPORT + "}");

        manifests.warnIncomplete(1000);
        manifests.warnIncomplete(1000);

        FakeCatalog.Event event = catalog.await(incompleteId, "booking.ManifestIncomplete.v1");
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.body().path("visitorsNamed").asInt()).isZero();
        cancelAsBarrier(complete, completeId);
        assertThat(catalog.count(incompleteId, "booking.ManifestIncomplete.v1")).isEqualTo(1);
        assertThat(catalog.count(completeId, "booking.ManifestIncomplete.v1")).isZero();

        String kept = uuid();
        booking(p, slotId, kept, "{\"unitId\":\"adult\",\"contact\":{\"fullName\":\"Сидорова Анна\"},\"visitor\":" + PASSPORT + "}");
        clock.advance(Duration.ofDays(4 + 31));
        manifests.removePersonalData(100_000);

        JsonNode item = operator.get("/octo/bookings/" + kept).json().path("unitItems").path(0);
        assertThat(item.path("contact").path("fullName").isNull()).isTrue();
        assertThat(item.path("visitor").isNull()).isTrue();
        JsonNode scrubbed = operator.get("/octo/bookings/" + kept).json();
        assertThat(scrubbed.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(scrubbed.path("contact").path("fullName").isNull()).as("the group leader's name goes too").isTrue();
        assertThat(scrubbed.path("contact").path("emailAddress").isNull()).isTrue();
        assertThat(scrubbed.path("contact").path("phoneNumber").isNull()).isTrue();
        assertThat(scrubbed.path("notes").isNull()).isTrue();
    }

    private void cancelAsBarrier(String uuid, String id) {
        operator.post("/octo/bookings/" + uuid + "/cancel", "{}");
        catalog.await(id, "booking.BookingCancelled.v1");
    }
}
