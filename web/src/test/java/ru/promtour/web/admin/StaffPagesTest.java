package ru.promtour.web.admin;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff accounts at the gateway: the list, an invitation's link shown once, unlocking and disabling. */
class StaffPagesTest extends AdminTestSupport {

    static final String INVITED = """
        {"id":"stf-9","email":"ivan@fruzhe.example","name":"Иван","role":"ENTERPRISE","enterpriseId":"fruzhe",
         "status":"INVITED","createdAt":"2026-12-05T10:00:00Z","inviteToken":"inv_secret123",
         "inviteExpiresAt":"2026-12-12T10:00:00Z","invitePath":"/console/invite?token=inv_secret123"}""";

    @BeforeEach
    void staff() {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/enterprises")).willReturn(okJson("""
            {"items":[{"id":"fruzhe","name":"Фруже","region":"RU-KLU","city":"Калуга","industry":"CONFECTIONERY","status":"ACTIVE"}],
             "page":0,"size":100,"total":1}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/admin/staff")).willReturn(okJson("""
            [{"id":"stf-7","email":"anna@fruzhe.example","name":"Анна","role":"ENTERPRISE","enterpriseId":"fruzhe",
              "status":"ACTIVE","createdAt":"2026-12-01T10:00:00Z","lockedUntil":"2026-12-05T10:15:00Z","lastSignInAt":"2026-12-04T08:00:00Z"},
             {"id":"stf-8","email":"office@region.example","name":"Офис","role":"ADMIN","enterpriseId":null,
              "status":"ACTIVE","createdAt":"2026-12-01T10:00:00Z","lockedUntil":null,"lastSignInAt":null}]""")));
    }

    @Test
    void theStaffListFiltersByEnterpriseAndOffersUnlockOnlyForALockedAccount() throws Exception {
        mvc.perform(get("/console/admin/staff").param("enterpriseId", "fruzhe").with(admin()))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"staff-row\""), containsString("data-status=\"ACTIVE\""),
                containsString("/console/admin/staff/stf-7/unlock"), not(containsString("/console/admin/staff/stf-8/unlock")),
                containsString("data-testid=\"unlock\""))));
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/admin/staff")).withQueryParam("enterpriseId", equalTo("fruzhe")));
    }

    @Test
    void anInvitationShowsTheAbsoluteLinkOnceWithNoStore() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/staff")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(INVITED)));

        mvc.perform(post("/console/admin/staff").with(admin()).with(csrf())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "promtour.example")
                .param("email", "ivan@fruzhe.example").param("name", "Иван").param("role", "ENTERPRISE")
                .param("enterpriseId", "fruzhe"))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(allOf(containsString("data-testid=\"invite-link\""),
                containsString("https://promtour.example/console/invite?token=inv_secret123"))));

        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/admin/staff")).withRequestBody(equalToJson(
            "{\"email\":\"ivan@fruzhe.example\",\"name\":\"Иван\",\"role\":\"ENTERPRISE\",\"enterpriseId\":\"fruzhe\"}")));
    }

    @Test
    void anAdminIsInvitedWithoutAnEnterpriseAndAStaffMemberNeedsOne() throws Exception {
        mvc.perform(post("/console/admin/staff").with(admin()).with(csrf())
                .param("email", "x@fruzhe.example").param("name", "X").param("role", "ENTERPRISE").param("enterpriseId", ""))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("id=\"enterpriseId-error\"")));
        GATEWAY.verify(0, postRequestedFor(anyUrl()));

        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/staff")).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(INVITED.replace("\"ENTERPRISE\"", "\"ADMIN\""))));
        mvc.perform(post("/console/admin/staff").with(admin()).with(csrf())
                .param("email", "boss@region.example").param("name", "Босс").param("role", "ADMIN").param("enterpriseId", "fruzhe"))
            .andExpect(status().isOk());
        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/admin/staff")).withRequestBody(equalToJson(
            "{\"email\":\"boss@region.example\",\"name\":\"Босс\",\"role\":\"ADMIN\"}")));
    }

    @Test
    void aTakenEmailIsTheGatewaysConflictShownAboveTheForm() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/staff")).willReturn(aResponse().withStatus(409)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":409,\"detail\":\"A staff member with this e-mail already exists\"}")));

        mvc.perform(post("/console/admin/staff").with(admin()).with(csrf())
                .param("email", "anna@fruzhe.example").param("name", "Анна").param("role", "ENTERPRISE").param("enterpriseId", "fruzhe"))
            .andExpect(status().isConflict())
            .andExpect(content().string(allOf(containsString("A staff member with this e-mail already exists"),
                containsString("value=\"anna@fruzhe.example\""))));
    }

    @Test
    void aNewInvitationForAMemberShowsItsLink() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/staff/stf-9/invite")).willReturn(okJson(INVITED)));

        mvc.perform(post("/console/admin/staff/stf-9/invite").with(admin()).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("http://localhost/console/invite?token=inv_secret123")));
    }

    @Test
    void unlockingAndDisablingCallTheGateway() throws Exception {
        GATEWAY.stubFor(WireMock.post(urlPathEqualTo("/admin/staff/stf-7/unlock")).willReturn(okJson("{\"id\":\"stf-7\"}")));
        GATEWAY.stubFor(WireMock.delete(urlPathEqualTo("/admin/staff/stf-7")).willReturn(aResponse().withStatus(204)));

        mvc.perform(post("/console/admin/staff/stf-7/unlock").with(admin()).with(csrf()))
            .andExpect(redirectedUrl("/console/admin/staff"))
            .andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/admin/staff/stf-7/disable").with(admin()).with(csrf()))
            .andExpect(redirectedUrl("/console/admin/staff"))
            .andExpect(flash().attributeExists("notice"));

        GATEWAY.verify(postRequestedFor(urlPathEqualTo("/admin/staff/stf-7/unlock"))
            .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN)));
        GATEWAY.verify(deleteRequestedFor(urlPathEqualTo("/admin/staff/stf-7")));
    }
}
