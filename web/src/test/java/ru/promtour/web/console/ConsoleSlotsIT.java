package ru.promtour.web.console;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import static ru.promtour.web.console.ConsoleFixtures.ENTERPRISE;
import static ru.promtour.web.console.ConsoleFixtures.booking;
import static ru.promtour.web.console.ConsoleFixtures.getPath;
import static ru.promtour.web.console.ConsoleFixtures.json;
import static ru.promtour.web.console.ConsoleFixtures.problem;
import static ru.promtour.web.console.ConsoleFixtures.program;
import static ru.promtour.web.console.ConsoleFixtures.slot;

/** A slot's page and the changes the seat ledger decides, the cancellation's warning, the manifest and its CSV. */
class ConsoleSlotsIT extends WebTestSupport {

    private void slotWithGroups() {
        gateway.stubFor(getPath("/api/v1/slots/slot-1").willReturn(json(200, slot("OPEN", 30, 4, 12))));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("PUBLISHED"))));
        gateway.stubFor(getPath("/api/v1/bookings").withQueryParam("slotId", equalTo("slot-1")).willReturn(json(200,
            "[" + booking("bk-1", "CONFIRMED", false, 12) + "," + booking("bk-2", "ON_HOLD", false, 4) + ","
                + booking("bk-3", "PENDING", true, 6) + "," + booking("bk-4", "CANCELLED", false, 9) + ","
                + booking("bk-5", "EXPIRED", false, 3) + "]")));
    }

    @Test
    void theSlotPageShowsItsSeatsAndItsGroups() throws Exception {
        slotWithGroups();

        mvc.perform(get("/console/slots/slot-1").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                containsString("data-testid=\"slot-status\" data-status=\"OPEN\""),
                containsString("data-testid=\"seats-held\">4<"),
                containsString("data-testid=\"seats-sold\">12<"),
                containsString("data-testid=\"seats-free\">14<"),
                containsString("data-testid=\"seats-capacity\">30<"),
                containsString("Сеанс 10.12.2026 10:00"),
                containsString("data-testid=\"booking-row\" data-booking-id=\"bk-1\""),
                containsString("href=\"/console/bookings/bk-3\""), containsString("PT-BK-3"),
                containsString("data-testid=\"close-slot\""), not(containsString("data-testid=\"reopen-slot\"")),
                containsString("href=\"/console/slots/slot-1/cancel\" data-testid=\"cancel-slot\""),
                containsString("href=\"/console/slots/slot-1/manifest.csv\" data-testid=\"manifest-csv\""))));
    }

    @Test
    void theCancelWarningCountsTheGroupsAndVisitorsItWillCancel() throws Exception {
        slotWithGroups();

        mvc.perform(get("/console/slots/slot-1/cancel").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                containsString("data-testid=\"cancel-warning\" data-groups=\"3\" data-visitors=\"22\""),
                containsString("Будет отменено групп: 3, посетителей: 22."),
                containsString("name=\"reason\""), containsString("data-testid=\"confirm-cancel\""))));
        gateway.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void confirmingTheCancellationSendsTheReasonAndSaysWhenItIsStillBeingApplied() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/slots/slot-1/cancel")).willReturn(json(202, """
            {"requestId":"req-1","slotId":"slot-1","change":"CANCEL","status":"PENDING","requestedAt":"2026-12-05T10:00:00Z",
             "detail":"The seat ledger has not answered yet","slot":%s}""".formatted(slot("OPEN", 30, 4, 12)))));

        mvc.perform(post("/console/slots/slot-1/cancel").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("reason", "Авария на линии"))
            .andExpect(redirectedUrl("/console/slots/slot-1"))
            .andExpect(flash().attribute("notice",
                "Сеанс отменяется: отмена принята и применяется, группы получат уведомления."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/slots/slot-1/cancel"))
            .withRequestBody(equalToJson("{\"reason\":\"Авария на линии\"}")));
    }

    @Test
    void aCancellationWithoutAReasonIsAskedAgainAndNotSent() throws Exception {
        slotWithGroups();

        mvc.perform(post("/console/slots/slot-1/cancel").with(as(staffOf(ENTERPRISE))).with(csrf()).param("reason", "  "))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"reason-error\""),
                containsString("Укажите причину отмены"), containsString("data-testid=\"cancel-warning\""))));
        gateway.verify(0, postRequestedFor(urlEqualTo("/api/v1/slots/slot-1/cancel")));
    }

    @Test
    void aCapacityBelowTheSoldSeatsShowsTheSlotAgainWithTheCatalogsReason() throws Exception {
        slotWithGroups();
        gateway.stubFor(WireMock.patch(urlEqualTo("/api/v1/slots/slot-1")).willReturn(problem(409, """
            {"title":"Conflict","status":409,"detail":"Capacity 10 is below the 16 seats held or sold",
             "held":4,"confirmed":12,"requestedCapacity":10}""")));

        mvc.perform(post("/console/slots/slot-1/capacity").with(as(staffOf(ENTERPRISE))).with(csrf()).param("capacity", "10"))
            .andExpect(status().isConflict())
            .andExpect(content().string(allOf(containsString("Capacity 10 is below the 16 seats held or sold"),
                containsString("data-testid=\"seats-sold\">12<"))));

        gateway.verify(patchRequestedFor(urlEqualTo("/api/v1/slots/slot-1")).withRequestBody(equalToJson("{\"capacity\":10}")));
    }

    @Test
    void aCapacityThatIsNotANumberIsRefusedWithoutAskingTheCatalog() throws Exception {
        slotWithGroups();

        mvc.perform(post("/console/slots/slot-1/capacity").with(as(staffOf(ENTERPRISE))).with(csrf()).param("capacity", "много"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("Укажите число мест: целое от 1 до 10000.")));
        gateway.verify(0, patchRequestedFor(urlEqualTo("/api/v1/slots/slot-1")));
    }

    @Test
    void anAppliedCapacityChangeIsANotice() throws Exception {
        gateway.stubFor(WireMock.patch(urlEqualTo("/api/v1/slots/slot-1")).willReturn(json(200, slot("OPEN", 40, 4, 12))));

        mvc.perform(post("/console/slots/slot-1/capacity").with(as(staffOf(ENTERPRISE))).with(csrf()).param("capacity", "40"))
            .andExpect(redirectedUrl("/console/slots/slot-1"))
            .andExpect(flash().attribute("notice", "Число мест изменено: 40."));
    }

    @Test
    void closingAndReopeningAskTheCatalog() throws Exception {
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/slots/slot-1/close")).willReturn(json(200, slot("CLOSED", 30, 0, 0))));
        gateway.stubFor(WireMock.post(urlEqualTo("/api/v1/slots/slot-1/reopen")).willReturn(json(200, slot("OPEN", 30, 0, 0))));

        mvc.perform(post("/console/slots/slot-1/close").with(as(staffOf(ENTERPRISE))).with(csrf()))
            .andExpect(redirectedUrl("/console/slots/slot-1")).andExpect(flash().attribute("notice", "Продажа закрыта."));
        mvc.perform(post("/console/slots/slot-1/reopen").with(as(staffOf(ENTERPRISE))).with(csrf()))
            .andExpect(redirectedUrl("/console/slots/slot-1")).andExpect(flash().attribute("notice", "Продажа открыта."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/slots/slot-1/close")));
        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/slots/slot-1/reopen")));
    }

    @Test
    void theManifestCsvIsPassedOnWithItsBytesAndAsADownload() throws Exception {
        byte[] csv = "\uFEFFгруппа;посетитель\r\nPT-1;'=Иванов\r\n".getBytes(StandardCharsets.UTF_8);
        gateway.stubFor(getPath("/api/v1/manifests/slot-1").withQueryParam("format", equalTo("csv"))
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=UTF-8").withBody(csv)));

        mvc.perform(get("/console/slots/slot-1/manifest.csv").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
            .andExpect(header().string("Content-Disposition", "attachment; filename=\"manifest-slot-1.csv\""))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(content().bytes(csv));
    }

    @Test
    void theManifestPageListsGroupsAndVisitors() throws Exception {
        gateway.stubFor(getPath("/api/v1/slots/slot-1").willReturn(json(200, slot("OPEN", 30, 0, 2))));
        gateway.stubFor(getPath("/api/v1/manifests/slot-1").willReturn(json(200, """
            {"slotId":"slot-1","excursionId":"exc-zefir","excursionTitle":"Зефирная фабрика","start":"2026-12-10T07:00:00Z",
             "timeZone":"Europe/Moscow","documents":"PASSPORT","manifestDeadline":"2026-12-08T07:00:00Z","groups":1,"visitors":2,
             "bookings":[{"bookingId":"bk-1","supplierReference":"PT-1","status":"CONFIRMED","operatorId":"op-volga","units":2,
               "complete":false,"leader":"Мария Иванова","leaderPhone":"+79021231234",
               "visitors":[{"unitId":"adult","type":"ADULT","fullName":"Пётр Петров","birthDate":"1980-01-01",
                            "documentType":"PASSPORT","documentNumber":"4500 123456"},
                           {"unitId":"adult","type":"ADULT","fullName":null,"birthDate":null,"documentType":null,"documentNumber":null}]}]}""")));

        mvc.perform(get("/console/slots/slot-1/manifest").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Список посетителей: Зефирная фабрика, 10.12.2026 10:00"),
                containsString("Групп: 1, посетителей: 2"), containsString("Пётр Петров"), containsString("PASSPORT 4500 123456"),
                containsString("данные неполные"), containsString("данные до 08.12.2026 10:00"))));
    }

    @Test
    void theCalendarGroupsTheSlotsOfAllProgramsByLocalDay() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").withQueryParam("from", equalTo("2026-12-07"))
            .withQueryParam("to", equalTo("2026-12-20")).willReturn(json(200, "[" + slot("OPEN", 30, 4, 12) + "]")));

        mvc.perform(get("/console/slots").param("from", "2026-12-07").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("<h2 id=\"day-2026-12-10\">10.12.2026</h2>"),
                containsString("data-testid=\"slot-row\""), containsString("Зефирная фабрика"),
                containsString("href=\"/console/slots?from=2026-12-21\""),
                containsString("href=\"/console/slots?from=2026-11-23\""))));
    }

    @Test
    void anotherEnterprisesSlotIsTheFriendlyNotFoundPage() throws Exception {
        gateway.stubFor(getPath("/api/v1/slots/slot-other").willReturn(problem(404,
            "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"Slot slot-other not found\"}")));

        mvc.perform(get("/console/slots/slot-other").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isNotFound())
            .andExpect(content().string(allOf(containsString("data-testid=\"not-found\""), containsString("data-testid=\"error\""),
                containsString("Такой страницы нет"))));
    }

    @Test
    void anAddressThatCannotBeAnIdIsNotFoundWithoutAskingTheGateway() throws Exception {
        mvc.perform(get("/console/slots/{id}", "a b<c>").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("data-testid=\"not-found\"")));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }
}
