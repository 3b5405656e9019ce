package ru.promtour.web.console;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import static ru.promtour.web.console.ConsoleFixtures.ENTERPRISE;
import static ru.promtour.web.console.ConsoleFixtures.booking;
import static ru.promtour.web.console.ConsoleFixtures.getPath;
import static ru.promtour.web.console.ConsoleFixtures.json;
import static ru.promtour.web.console.ConsoleFixtures.problem;

/** Approvals, the groups list and one group with the messages sent about it. */
class ConsoleBookingsIT extends WebTestSupport {

    @Test
    void approvalsListOnlyTheGroupsAwaitingADecision() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/bookings").withQueryParam("status", equalTo("PENDING")).willReturn(json(200,
            "[" + booking("bk-1", "PENDING", true, 12) + "," + booking("bk-2", "PENDING", false, 4) + "]")));

        mvc.perform(get("/console/approvals").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                containsString("data-testid=\"approval-row\" data-booking-id=\"bk-1\""),
                not(containsString("data-booking-id=\"bk-2\"")),
                containsString("Зефирная фабрика"), containsString("10.12.2026 10:00"), containsString("op-volga"),
                containsString("Мария Иванова"), containsString("maria@school42.example"),
                containsString("data-testid=\"approve\""), containsString("data-testid=\"decline\""),
                containsString("name=\"reason\""))));
    }

    @Test
    void approvingAsksTheBookingServiceAndReturnsToTheList() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/bookings/bk-1/approve"))
            .willReturn(json(200, booking("bk-1", "CONFIRMED", false, 12))));

        mvc.perform(post("/console/bookings/bk-1/approve").with(as(staffOf(ENTERPRISE))).with(csrf()).param("back", "approvals"))
            .andExpect(redirectedUrl("/console/approvals"))
            .andExpect(flash().attribute("notice", "Заявка принята: группа подтверждена."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/bookings/bk-1/approve"))
            .withHeader("Authorization", equalTo("Bearer pts_test-" + ENTERPRISE)));
    }

    @Test
    void decliningSendsTheReasonAndARefusalShowsTheApprovalsAgainWithItsSentence() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/bookings/bk-1/decline"))
            .willReturn(json(200, booking("bk-1", "REJECTED", false, 12))));
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/bookings/bk-2/approve")).willReturn(problem(409,
            "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Only a booking awaiting approval can be approved; this one is CANCELLED\"}")));

        mvc.perform(post("/console/bookings/bk-1/decline").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("reason", "Цех на ремонте").param("back", "booking"))
            .andExpect(redirectedUrl("/console/bookings/bk-1"))
            .andExpect(flash().attribute("notice", "Заявка отклонена; места освобождены."));
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/bookings").withQueryParam("status", equalTo("PENDING")).willReturn(json(200, "[]")));
        mvc.perform(post("/console/bookings/bk-2/approve").with(as(staffOf(ENTERPRISE))).with(csrf()))
            .andExpect(status().isConflict())
            .andExpect(content().string(allOf(
                containsString("Only a booking awaiting approval can be approved; this one is CANCELLED"),
                containsString("data-testid=\"approvals-empty\""))));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/bookings/bk-1/decline"))
            .withRequestBody(equalToJson("{\"reason\":\"Цех на ремонте\"}")));
    }

    @Test
    void aGroupsPageShowsTheMessagesSentAboutIt() throws Exception {
        gateway.stubFor(getPath("/api/v1/bookings/bk-1").willReturn(json(200, booking("bk-1", "CONFIRMED", false, 12))));
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/notifications").withQueryParam("bookingId", equalTo("bk-1")).willReturn(json(200, """
            [{"id":"msg-1","bookingId":"bk-1","eventType":"booking.BookingConfirmed.v1","role":"GROUP_LEADER","channel":"EMAIL",
              "recipient":"m***@school42.example","template":"booking-confirmed","locale":"ru","subject":"Ваша экскурсия",
              "status":"SENT","attempts":1,"providerMessageId":"p-1","lastError":null,"resends":0,
              "createdAt":"2026-12-01T09:00:00Z","updatedAt":"2026-12-01T09:00:01Z","sentAt":"2026-12-01T09:00:01Z"},
             {"id":"msg-2","bookingId":"bk-1","eventType":"booking.BookingConfirmed.v1","role":"GROUP_LEADER","channel":"SMS",
              "recipient":"+7902***1234","template":"booking-confirmed-sms","locale":"ru","subject":null,
              "status":"FAILED","attempts":5,"providerMessageId":null,"lastError":"SMS gateway unavailable","resends":0,
              "createdAt":"2026-12-01T09:00:00Z","updatedAt":"2026-12-01T09:10:00Z","sentAt":null}]""")));

        mvc.perform(get("/console/bookings/bk-1").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                containsString("Группа PT-BK-1"), containsString("Зефирная фабрика"),
                containsString("data-testid=\"notification-row\" data-channel=\"EMAIL\" data-status=\"SENT\""),
                containsString("m***@school42.example"), containsString("+7902***1234"),
                containsString("booking-confirmed-sms"), containsString("SMS gateway unavailable"), containsString("Не доставлено"),
                containsString("01.12.2026 12:00"),
                not(containsString("maria@school42.example\">")))));
        gateway.verify(getRequestedFor(urlPathEqualTo("/api/v1/notifications")).withQueryParam("bookingId", equalTo("bk-1")));
    }

    @Test
    void aGroupTheNotificationServiceHasNotHeardOfYetHasNoMessages() throws Exception {
        gateway.stubFor(getPath("/api/v1/bookings/bk-1").willReturn(json(200, booking("bk-1", "ON_HOLD", false, 12))));
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/notifications").willReturn(problem(404, "{\"status\":404,\"detail\":\"Not found\"}")));

        mvc.perform(get("/console/bookings/bk-1").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Уведомлений по этой группе пока нет.")));
    }

    @Test
    void aPastConfirmedVisitCanBeMarkedAsANoShow() throws Exception {
        String past = booking("bk-1", "CONFIRMED", false, 12).replace("2026-12-10T07:00:00Z", "2020-01-10T07:00:00Z");
        gateway.stubFor(getPath("/api/v1/bookings/bk-1").willReturn(json(200, past)));
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/notifications").willReturn(json(200, "[]")));
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/bookings/bk-1/no-show")).willReturn(json(200, past)));

        mvc.perform(get("/console/bookings/bk-1").with(as(staffOf(ENTERPRISE))))
            .andExpect(content().string(containsString("data-testid=\"no-show-form\"")));
        mvc.perform(post("/console/bookings/bk-1/no-show").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("cause", "NOT_ARRIVED").param("note", "Автобус сломался"))
            .andExpect(redirectedUrl("/console/bookings/bk-1"))
            .andExpect(flash().attribute("notice", "Неявка отмечена."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/bookings/bk-1/no-show"))
            .withRequestBody(equalToJson("{\"cause\":\"NOT_ARRIVED\",\"note\":\"Автобус сломался\"}")));
    }

    @Test
    void theGroupsListFiltersByStatus() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/bookings").withQueryParam("status", equalTo("CONFIRMED"))
            .willReturn(json(200, "[" + booking("bk-1", "CONFIRMED", false, 12) + "]")));

        mvc.perform(get("/console/bookings").param("status", "CONFIRMED").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"booking-row\" data-booking-id=\"bk-1\""),
                containsString("<option value=\"CONFIRMED\" selected=\"selected\">"))));
    }

    @Test
    void anotherEnterprisesGroupIsTheFriendlyNotFoundPage() throws Exception {
        gateway.stubFor(getPath("/api/v1/bookings/bk-other").willReturn(problem(404,
            "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"Booking bk-other not found\"}")));

        mvc.perform(get("/console/bookings/bk-other").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isNotFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"not-found\""), containsString("data-testid=\"error\""), not(containsString("bk-other")))));
    }

    @Test
    void theOperatorIsNamedWhenTheBookingCarriesItsNameAndByItsIdOtherwise() throws Exception {
        String named = booking("bk-1", "CONFIRMED", false, 12).replace("\"operatorId\":\"op-volga\",",
            "\"operatorId\":\"op-volga\",\"operatorName\":\"Урал-Экскурс\",");
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/bookings").willReturn(json(200,
            "[" + named + "," + booking("bk-2", "ON_HOLD", false, 4) + "]")));

        mvc.perform(get("/console/bookings").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("<td>Урал-Экскурс</td>"), containsString("<td>op-volga</td>"))));
    }
}
