package ru.promtour.web.admin;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register of enterprises: the list the catalog gives the admin, registering one, an enterprise's page. */
class EnterprisePagesTest extends AdminTestSupport {

    static final String PAGE = """
            {"items":[{"id":"fruzhe","name":"Фруже","region":"RU-KLU","city":"Калуга","industry":"CONFECTIONERY","status":"ACTIVE"},
                      {"id":"avtovaz","name":"АвтоВАЗ","region":"RU-SAM","city":"Тольятти","industry":"AUTOMOTIVE","status":"SUSPENDED"}],
             "page":0,"size":20,"total":2}""";

    @Test
    void theAdminHomeIsTheRegisterOfEnterprises() throws Exception {
        mvc.perform(get("/console/admin").with(admin()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/console/admin/enterprises"));
    }

    @Test
    void theListShowsEveryEnterpriseTheCatalogGivesWithTheFiltersPassedOn() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson(PAGE)));

        mvc.perform(get("/console/admin/enterprises").param("region", "RU-KLU").param("status", "ACTIVE").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"enterprise-row\""), containsString("data-id=\"fruzhe\""),
                containsString("АвтоВАЗ"), containsString("Тольятти"), containsString("AUTOMOTIVE"),
                containsString("href=\"/console/admin/enterprises/avtovaz\""), containsString("Asia/Irkutsk (UTC+08:00)"))));

        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/enterprises"))
            .withQueryParam("region", equalTo("RU-KLU"))
            .withQueryParam("status", equalTo("ACTIVE"))
            .withQueryParam("page", equalTo("0"))
            .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN)));
    }

    @Test
    void thePagesSpeakEnglishOnRequest() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson(PAGE)));

        mvc.perform(get("/console/admin/enterprises").param("lang", "en").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Register an enterprise"),
                containsString("suspended"))));
    }

    @Test
    void registeringSendsTheCatalogItsBodyAndOpensTheNewEnterprise() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/v1/enterprises")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody("{\"id\":\"ent-42\",\"name\":\"Фруже\"}")));

        mvc.perform(post("/console/admin/enterprises").with(admin()).with(csrf())
                .param("name", "Фруже").param("legalName", "ООО «Натуральный продукт»").param("id", "")
                .param("region", "ru-klu").param("city", "Калуга").param("address", "ул. Производственная, 1")
                .param("lat", "54,51").param("lon", "36.26").param("industry", "confectionery")
                .param("timeZone", "Europe/Kaliningrad").param("description", "")
                .param("email", "tour@fruzhe.example").param("phone", "+7 (4842) 000-000"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/console/admin/enterprises/ent-42"))
            .andExpect(flash().attribute("notice", containsString("Фруже")));

        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/api/v1/enterprises")).withRequestBody(equalToJson("""
            {"name":"Фруже","legalName":"ООО «Натуральный продукт»","region":"RU-KLU","city":"Калуга",
             "address":"ул. Производственная, 1","industry":"CONFECTIONERY","timeZone":"Europe/Kaliningrad",
             "coordinates":{"lat":54.51,"lon":36.26},"contacts":{"email":"tour@fruzhe.example","phone":"+74842000000"}}""")));
    }

    @Test
    void theApisFieldErrorsAreShownNextToTheirFieldsWithTheTypedValuesKept() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson(PAGE)));
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/api/v1/enterprises")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json").withBody("""
                {"title":"Bad Request","status":400,"detail":"The request has invalid fields",
                 "errors":[{"field":"region","message":"must be an ISO 3166-2:RU code such as RU-KLU"},
                           {"field":"contacts.phone","message":"must be an E.164 number such as +74842000000"}]}""")));

        mvc.perform(post("/console/admin/enterprises").with(admin()).with(csrf())
                .param("name", "Фруже").param("legalName", "ООО").param("region", "Kaluga").param("city", "Калуга")
                .param("industry", "CONFECTIONERY").param("timeZone", "Europe/Moscow").param("phone", "12"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("The request has invalid fields"),
                containsString("id=\"region-error\""), containsString("must be an ISO 3166-2:RU code such as RU-KLU"),
                containsString("id=\"phone-error\""), containsString("value=\"Kaluga\""),
                containsString("data-testid=\"enterprise-row\""))));
    }

    @Test
    void aCoordinateThatIsNoNumberIsAnsweredHereWithoutAskingTheCatalog() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson(PAGE)));

        mvc.perform(post("/console/admin/enterprises").with(admin()).with(csrf())
                .param("name", "Фруже").param("legalName", "ООО").param("region", "RU-KLU").param("city", "Калуга")
                .param("industry", "CONFECTIONERY").param("timeZone", "Mars/Olympus").param("lat", "north"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"lat-error\""), containsString("id=\"timeZone-error\""))));

        GATEWAY.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void anEnterprisesPageShowsItsProfileItsStaffAndOnlyItsOwnKeys() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises/fruzhe")).willReturn(okJson("""
            {"id":"fruzhe","name":"Фруже","legalName":"ООО «Натуральный продукт»","region":"RU-KLU","city":"Калуга",
             "industry":"CONFECTIONERY","timeZone":"Europe/Moscow","status":"ACTIVE",
             "coordinates":{"lat":54.51,"lon":36.26},"contacts":{"email":"tour@fruzhe.example"}}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/admin/staff")).withQueryParam("enterpriseId", equalTo("fruzhe")).willReturn(okJson("""
            [{"id":"stf-7","email":"anna@fruzhe.example","name":"Анна Петрова","role":"ENTERPRISE","enterpriseId":"fruzhe",
              "status":"ACTIVE","createdAt":"2026-12-01T10:00:00Z","lockedUntil":null,"lastSignInAt":null}]""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/admin/api-keys")).willReturn(okJson("""
            [{"id":"k1","prefix":"pk_fru1","tenantType":"ENTERPRISE","tenantId":"fruzhe","label":"сайт","createdAt":"2026-11-01T10:00:00Z","active":true},
             {"id":"k2","prefix":"pk_oth2","tenantType":"ENTERPRISE","tenantId":"other","label":"чужой","createdAt":"2026-11-01T10:00:00Z","active":true}]""")));

        mvc.perform(get("/console/admin/enterprises/fruzhe").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("ООО «Натуральный продукт»"), containsString("Анна Петрова"),
                containsString("data-testid=\"staff-row\""), containsString("data-status=\"ACTIVE\""), containsString("pk_fru1"),
                not(containsString("pk_oth2")))));
    }

    @Test
    void aPageNumberThatIsNoNumberIs400NotAnError() throws Exception {
        mvc.perform(get("/console/admin/enterprises").param("page", "abc").with(admin()))
            .andExpect(status().isBadRequest());
        GATEWAY.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownEnterpriseIsTheCatalogs404AsAReadablePage() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises/nope")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"detail\":\"No enterprise nope\"}")));

        mvc.perform(get("/console/admin/enterprises/nope").with(admin()))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("No enterprise nope")));
    }

    @Test
    void anEnterprisesStaffMemberIsRefusedEveryAdminPageWithoutTheGatewayBeingAsked() throws Exception {
        for (String page : new String[] {"/console/admin", "/console/admin/enterprises", "/console/admin/operators",
            "/console/admin/api-keys", "/console/admin/staff", "/console/admin/analytics"}) {
            mvc.perform(get(page).with(enterpriseStaff())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/console/admin/api-keys").with(enterpriseStaff()).with(csrf())
                .param("tenantType", "ENTERPRISE").param("tenantId", "other"))
            .andExpect(status().isForbidden());
        GATEWAY.verify(0, anyRequestedFor(anyUrl()));
    }
}
