package ru.promtour.web.admin;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Tour operators and API keys: the lists, registering an operator, issuing a key shown once, revoking one. */
class ApiKeyPagesTest extends AdminTestSupport {

    static final String SECRET = "pk_live_0123456789abcdefSECRET";

    @BeforeEach
    void tenants() {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/admin/operators")).willReturn(okJson("""
            [{"id":"op-1","name":"Калуга-Тур","email":"tour@kaluga.example","phone":"+74842123456"}]""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson("""
            {"items":[{"id":"fruzhe","name":"Фруже","region":"RU-KLU","city":"Калуга","industry":"CONFECTIONERY","status":"ACTIVE"}],
             "page":0,"size":100,"total":1}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/admin/api-keys")).willReturn(okJson("""
            [{"id":"k1","prefix":"pk_fru1","tenantType":"ENTERPRISE","tenantId":"fruzhe","label":"сайт","createdAt":"2026-11-01T10:00:00Z","revokedAt":null,"active":true},
             {"id":"k2","prefix":"pk_op01","tenantType":"OPERATOR","tenantId":"op-1","label":null,"createdAt":"2026-11-02T10:00:00Z","revokedAt":"2026-11-03T10:00:00Z","active":false}]""")));
    }

    @Test
    void theOperatorsAreListedAndANewOneIsRegisteredWithItsPhoneInE164() throws Exception {
        mvc.perform(get("/console/admin/operators").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"operator-row\""), containsString("Калуга-Тур"))));

        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/operators")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"op-2\",\"name\":\"Тула-Тур\",\"email\":\"a@tula.example\",\"phone\":\"+74872000000\"}")));
        mvc.perform(post("/console/admin/operators").with(admin()).with(csrf())
                .param("name", " Тула-Тур ").param("email", "a@tula.example").param("phone", "+7 (4872) 00-00-00"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/console/admin/operators"))
            .andExpect(flash().attribute("notice", containsString("op-2")));
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/admin/operators")).withRequestBody(equalToJson(
            "{\"name\":\"Тула-Тур\",\"email\":\"a@tula.example\",\"phone\":\"+74872000000\"}")));
    }

    @Test
    void anOperatorTheGatewayRefusesIsShownAgainWithTheReasonByItsField() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/operators")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json").withBody("""
                {"status":400,"detail":"Invalid request","errors":[{"field":"email","message":"must be a well-formed email address"}]}""")));

        mvc.perform(post("/console/admin/operators").with(admin()).with(csrf())
                .param("name", "Тула-Тур").param("email", "nope").param("phone", "+74872000000"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"email-error\""),
                containsString("must be a well-formed email address"), containsString("value=\"nope\""))));
    }

    @Test
    void theKeysAreListedWithTheirStateAndOnlyActiveOnesCanBeRevoked() throws Exception {
        mvc.perform(get("/console/admin/api-keys").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"api-key-row\""), containsString("pk_fru1"),
                containsString("pk_op01"), containsString("/console/admin/api-keys/k1/revoke"),
                not(containsString("/console/admin/api-keys/k2/revoke")),
                containsString("Калуга-Тур (op-1)"), containsString("Фруже (fruzhe)"))));
    }

    @Test
    void anIssuedKeyIsShownOnceInTheAnswerToThePostAndNeverStored() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/api-keys")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody("""
                {"id":"k3","apiKey":"%s","tenantType":"ENTERPRISE","tenantId":"fruzhe","label":"касса","createdAt":"2026-12-05T10:00:00Z"}"""
                .formatted(SECRET))));

        mvc.perform(post("/console/admin/api-keys").with(admin()).with(csrf())
                .param("tenantType", "ENTERPRISE").param("tenantId", "fruzhe").param("label", "касса"))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(allOf(containsString("data-testid=\"new-api-key\""), containsString(SECRET))))
            .andExpect(flash().attributeCount(0))
            .andExpect(request().sessionAttributeDoesNotExist("issued"));

        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/admin/api-keys"))
            .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN))
            .withRequestBody(equalToJson("{\"tenantType\":\"ENTERPRISE\",\"tenantId\":\"fruzhe\",\"label\":\"касса\"}")));
        mvc.perform(get("/console/admin/api-keys").with(admin()))
            .andExpect(content().string(not(containsString(SECRET))));
    }

    @Test
    void aKeyWithoutAHolderIsRefusedHereAndTheGatewaysRefusalIsShownByTheForm() throws Exception {
        mvc.perform(post("/console/admin/api-keys").with(admin()).with(csrf()).param("tenantType", "ADMIN").param("tenantId", ""))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"tenantType-error\""), containsString("id=\"tenantId-error\""))));
        GATEWAY.verify(0, postRequestedFor(anyUrl()));

        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/api-keys")).willReturn(aResponse().withStatus(422)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":422,\"detail\":\"tenantId ghost names no enterprise registered in the catalog\"}")));
        mvc.perform(post("/console/admin/api-keys").with(admin()).with(csrf()).param("tenantType", "ENTERPRISE").param("tenantId", "ghost"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(containsString("tenantId ghost names no enterprise registered in the catalog")));
    }

    @Test
    void revokingAKeyDeletesItAtTheGateway() throws Exception {
        GATEWAY.stubFor(WireMock.delete(urlPathEqualTo("/admin/api-keys/k1")).willReturn(aResponse().withStatus(204)));

        mvc.perform(post("/console/admin/api-keys/k1/revoke").with(admin()).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/console/admin/api-keys"))
            .andExpect(flash().attributeExists("notice"));
        GATEWAY.verify(deleteRequestedFor(urlPathEqualTo("/admin/api-keys/k1"))
            .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN)));
    }

    @Test
    void revokingNeedsTheFormsCsrfToken() throws Exception {
        mvc.perform(post("/console/admin/api-keys/k1/revoke").with(admin())).andExpect(status().isForbidden());
        GATEWAY.verify(0, deleteRequestedFor(anyUrl()));
    }
}
