package ru.promtour.catalog;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise touches only its own data: another enterprise gets exactly the 404 an unknown id gets,
 * an operator gets 403, only the admin registers enterprises.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class TenantIsolationIT {

    @LocalServerPort
    int port;

    Api admin;
    Api owner;
    Api other;
    Api operator;
    String enterpriseId;
    String excursionId;
    String slotId;

    @BeforeEach
    void setUp() {
        FakeLedger.get();   // plays booking-service's seat ledger: answers the owner's slot changes
        admin = new Api("http://localhost:" + port, TestTokens.admin());
        enterpriseId = CatalogData.uniqueEnterpriseId();
        String otherId = CatalogData.uniqueEnterpriseId();
        admin.post("/api/v1/enterprises", CatalogData.enterprise(enterpriseId, "Asia/Irkutsk"));
        admin.post("/api/v1/enterprises", CatalogData.enterprise(otherId, "Europe/Moscow"));
        owner = admin.as(TestTokens.enterprise(enterpriseId));
        other = admin.as(TestTokens.enterprise(otherId));
        operator = admin.as(TestTokens.operator("op-" + otherId));
        excursionId = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        slotId = owner.post("/api/v1/excursions/" + excursionId + "/slots", "{\"localStart\":\"2099-01-01T10:00\",\"capacity\":5}").text("id");
    }

    private List<String[]> enterpriseEndpoints() {
        return enterpriseEndpoints("2099-01-02");
    }

    private List<String[]> enterpriseEndpoints(String newSlotDay) {
        return List.of(
                new String[] {"GET", "/api/v1/enterprises/" + enterpriseId, null},
                new String[] {"PUT", "/api/v1/enterprises/" + enterpriseId, CatalogData.enterprise(enterpriseId, "Asia/Irkutsk")},
                new String[] {"GET", "/api/v1/excursions/" + excursionId, null},
                new String[] {"PUT", "/api/v1/excursions/" + excursionId, CatalogData.ISSUE_EXCURSION},
                new String[] {"POST", "/api/v1/excursions/" + excursionId + "/publish", null},
                new String[] {"POST", "/api/v1/excursions/" + excursionId + "/unpublish", null},
                new String[] {"POST", "/api/v1/excursions/" + excursionId + "/slots", "{\"localStart\":\"" + newSlotDay + "T10:00\",\"capacity\":5}"},
                new String[] {"POST", "/api/v1/excursions/" + excursionId + "/schedules", "{\"daysOfWeek\":[\"MONDAY\"],\"times\":[\"10:00\"],\"from\":\"2099-01-01\",\"to\":\"2099-01-31\",\"capacity\":5}"},
                new String[] {"GET", "/api/v1/excursions/" + excursionId + "/slots?from=2099-01-01&to=2099-01-31", null},
                new String[] {"GET", "/api/v1/slots/" + slotId, null},
                new String[] {"PATCH", "/api/v1/slots/" + slotId, "{\"capacity\":6}"},
                new String[] {"POST", "/api/v1/slots/" + slotId + "/close", null},
                new String[] {"POST", "/api/v1/slots/" + slotId + "/reopen", null},
                new String[] {"POST", "/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"x\"}"});
    }

    @Test
    void anotherEnterpriseGetsTheSame404AsForAnUnknownIdOnEveryEndpoint() {
        String unknown = other.get("/api/v1/slots/slot-does-not-exist").body();
        for (String[] call : enterpriseEndpoints()) {
            TestHttp.Response response = other.send(call[0], call[1], call[2]);
            assertThat(response.status()).as(call[0] + " " + call[1] + " " + response).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text("detail")).isEqualTo(Api.JSON.readTree(unknown).path("detail").asString());
        }
        assertThat(owner.get("/api/v1/slots/" + slotId).json().path("capacity").asInt()).as("nothing changed").isEqualTo(5);
        assertThat(other.get("/api/v1/excursions?mine").json().path("total").asInt()).isZero();
    }

    @Test
    void anOperatorGets403OnEveryEnterpriseEndpoint() {
        for (String[] call : enterpriseEndpoints()) {
            assertThat(operator.send(call[0], call[1], call[2]).status()).as(call[0] + " " + call[1]).isEqualTo(403);
        }
        assertThat(operator.post("/api/v1/enterprises", CatalogData.enterprise(CatalogData.uniqueEnterpriseId(), "Europe/Moscow")).status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/excursions?mine").status()).isEqualTo(403);
    }

    @Test
    void onlyTheAdminRegistersEnterprisesAndOnlyAnEnterpriseCreatesPrograms() {
        assertThat(owner.post("/api/v1/enterprises", CatalogData.enterprise(CatalogData.uniqueEnterpriseId(), "Europe/Moscow")).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).status()).isEqualTo(403);
    }

    @Test
    void theOwnerAndTheAdminSucceedOnEveryEndpoint() {
        for (Api caller : List.of(owner, admin)) {
            for (String[] call : enterpriseEndpoints(caller == owner ? "2099-01-02" : "2099-01-03")) {
                if (call[1].endsWith("/cancel")) {
                    continue;
                }
                TestHttp.Response response = caller.send(call[0], call[1], call[2]);
                assertThat(response.status()).as(call[0] + " " + call[1] + " " + response).isBetween(200, 201);
            }
        }
        assertThat(owner.post("/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"x\"}").status()).isEqualTo(200);
    }
}
