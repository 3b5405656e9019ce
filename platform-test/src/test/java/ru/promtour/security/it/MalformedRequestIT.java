package ru.promtour.security.it;

import org.junit.jupiter.api.Test;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller advice could answer them, as the fuzzer sent them (docs/reliability.md,
 * "Fuzzing"): each is a 4xx in the caller's API shape, not a 500, Boot's error JSON or Tomcat's HTML page.
 */
class MalformedRequestIT extends SecuredAppSupport {

    @Test
    void aWildcardContentTypeIs415NotA500() {
        TestHttp.Response octo = http().withToken(TestTokens.operator("op-1"))
                .post("/octo/body", "{\"a\":1}", "Content-Type", "application/*");
        assertOcto(octo, 415);

        TestHttp.Response api = http().withToken(TestTokens.enterprise("ent-1"))
                .post("/api/v1/other/body", "{\"a\":1}", "Content-Type", "*/*");
        assertProblem(api, 415);
    }

    @Test
    void aQueryThatIsNotUtf8Is400NotA500() {
        assertOcto(http().withToken(TestTokens.operator("op-1")).get("/octo/bookings?localDate=%FF%FE"), 400);
        assertProblem(http().withToken(TestTokens.enterprise("ent-1")).get("/api/v1/other?size=%C0%AE"), 400);
    }

    @Test
    void aPathTheFirewallRejectsIs400InTheCallersShape() {
        assertOcto(http().withToken(TestTokens.operator("op-1")).get("/octo/products/%252F"), 400);
        assertProblem(http().withToken(TestTokens.enterprise("ent-1")).get("/api/v1/other/%252F"), 400);
    }

    @Test
    void aPathTomcatRefusesIs400JsonNotHtml() {
        assertOcto(http().withToken(TestTokens.operator("op-1")).get("/octo/products/%FF%FE"), 400);
        assertProblem(http().withToken(TestTokens.enterprise("ent-1")).get("/api/v1/other/%FF%FE"), 400);
        assertProblem(http().withToken(TestTokens.enterprise("ent-1")).get("/api/v1/other/%00"), 400);
    }

    @Test
    void aQueryWithUnencodedBracketsReachesTheApplication() {
        TestHttp.Response response = http().withToken(TestTokens.operator("op-1")).get("/octo/products?a[b]=1");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static void assertOcto(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
        assertThat(response.text("error")).isEqualTo("BAD_REQUEST");
        assertThat(response.text("errorMessage")).isNotBlank();
    }

    private static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank().doesNotContain("Exception");
    }
}
