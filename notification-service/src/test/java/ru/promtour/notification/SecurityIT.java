package ru.promtour.notification;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.security.test.TestSecurityConfiguration;
import ru.promtour.security.test.TestTokens;
import ru.promtour.test.infra.ImportTestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.security.test.SecurityAssertions.assertPassesSecurity;
import static ru.promtour.security.test.SecurityAssertions.assertRequiresValidToken;
import static ru.promtour.security.test.SecurityAssertions.bearer;
import static ru.promtour.security.test.SecurityAssertions.get;

/**
 * The service's own port trusts only a valid internal token: a direct call without one, with bare
 * tenant headers or with a bad token is a 401; a valid token gets past security.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SecurityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void theNotificationsApiWithoutAValidTokenIs401ProblemJson() {
        assertRequiresValidToken(baseUrl(), "/api/v1/notifications");
    }

    @Test
    void aValidTokenOfAnyTenantTypeGetsPastSecurityToTheController() {
        assertThat(assertPassesSecurity(baseUrl(), "/api/v1/notifications", TestTokens.operator("op-1")).statusCode())
            .as("past security: the controller asks for the missing bookingId").isEqualTo(400);
        assertThat(assertPassesSecurity(baseUrl(), "/api/v1/notifications", TestTokens.enterprise("ent-1")).statusCode())
            .as("past security: the controller asks for the missing bookingId").isEqualTo(400);
        assertThat(assertPassesSecurity(baseUrl(), "/api/v1/notifications", TestTokens.admin()).statusCode())
            .as("past security: the controller asks for the missing bookingId").isEqualTo(400);
    }

    @Test
    void anOperatorTokenOnAdminPathsIs403() {
        assertThat(get(baseUrl() + "/admin/templates", bearer(TestTokens.operator("op-1"))).statusCode()).isEqualTo(403);
    }

    @Test
    void openApiDocumentIsPublicAndDeclaresTheBearerScheme() {
        HttpResponse<String> response = get(baseUrl() + "/v3/api-docs");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.path("info").path("title").asString()).isEqualTo("PromTour notification-service");
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(doc.path("security").path(0).has("bearerAuth")).as("applied to every operation").isTrue();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
