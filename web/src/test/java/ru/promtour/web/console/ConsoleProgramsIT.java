package ru.promtour.web.console;

import org.junit.jupiter.api.Test;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import static ru.promtour.web.console.ConsoleFixtures.getPath;
import static ru.promtour.web.console.ConsoleFixtures.json;
import static ru.promtour.web.console.ConsoleFixtures.problem;
import static ru.promtour.web.console.ConsoleFixtures.program;
import static ru.promtour.web.console.ConsoleFixtures.slot;

/** The programs pages: what the forms send to the catalog, and how its refusals come back to the person. */
class ConsoleProgramsIT extends WebTestSupport {

    @Test
    void creatingAProgramSendsRublesAsKopecksAndBothTitlesThenOpensTheProgram() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions"))
            .willReturn(json(201, program("DRAFT"))));

        mvc.perform(post("/console/programs").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("titleRu", "Зефирная фабрика").param("titleEn", "Marshmallow factory")
                .param("description", "Как делают зефир").param("durationMinutes", "90")
                .param("languages", "ru", "en").param("minAge", "7").param("bookingMode", "ON_REQUEST")
                .param("meetingPoint", "Проходная").param("ppe", "Халат").param("dressCode", "")
                .param("photoAllowed", "true").param("documents", "PASSPORT")
                .param("adultPrice", "900").param("childPrice", "500,50").param("childMinAge", "7")
                .param("childMaxAge", "17").param("minUnits", "5").param("maxUnits", "30")
                .param("bookingCutoffHours", "24").param("cancellationCutoffHours", "48"))
            .andExpect(redirectedUrl("/console/programs/exc-zefir"))
            .andExpect(flash().attribute("notice", "Программа создана (черновик)."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/excursions"))
            .withHeader("Authorization", equalTo("Bearer pts_test-" + ENTERPRISE))
            .withRequestBody(equalToJson("""
                {"title":"Зефирная фабрика","titleEn":"Marshmallow factory","description":"Как делают зефир",
                 "durationMinutes":90,"languages":["ru","en"],"minAge":7,"bookingMode":"ON_REQUEST",
                 "meetingPoint":"Проходная",
                 "rules":{"ppe":"Халат","dressCode":null,"photoAllowed":true,"documents":"PASSPORT"},
                 "units":[{"id":"adult","type":"ADULT","price":90000},
                          {"id":"child","type":"CHILD","minAge":7,"maxAge":17,"price":50050}],
                 "minUnits":5,"maxUnits":30,"bookingCutoffHours":24,"cancellationCutoffHours":48}""")));
    }

    @Test
    void theApisFieldErrorsAreShownNextToTheFieldsAndTheTypedValuesStay() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions"))
            .willReturn(problem(400, """
                {"title":"Bad Request","status":400,"detail":"The request has invalid fields",
                 "errors":[{"field":"meetingPoint","message":"must not be blank"},
                           {"field":"units[1].maxAge","message":"must not be below minAge"}]}""")));

        mvc.perform(post("/console/programs").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("titleRu", "Сыроварня").param("description", "Сыр").param("durationMinutes", "60")
                .param("languages", "ru").param("bookingMode", "INSTANT").param("meetingPoint", " ")
                .param("documents", "NONE").param("adultPrice", "700").param("childPrice", "300")
                .param("childMinAge", "12").param("childMaxAge", "6"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(
                containsString("The request has invalid fields"),
                containsString("id=\"meetingPoint-error\""),
                containsString("must not be blank"),
                containsString("id=\"childMaxAge-error\""),
                containsString("must not be below minAge"),
                containsString("value=\"Сыроварня\""),
                containsString("value=\"700\""))));
    }

    @Test
    void aPriceThatIsNotRublesOrANumberThatIsNotOneIsRefusedBeforeTheApiIsAsked() throws Exception {
        mvc.perform(post("/console/programs").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("titleRu", "Сыроварня").param("adultPrice", "девятьсот").param("childPrice", "1.005")
                .param("durationMinutes", "полтора часа"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"adultPrice-error\""),
                containsString("id=\"durationMinutes-error\""), containsString("Введите целое число."),
                containsString("id=\"childPrice-error\""), containsString("Укажите цену в рублях, например 900 или 900,50."))));
        gateway.verify(0, postRequestedFor(urlEqualTo("/api/v1/excursions")));
    }

    @Test
    void editingKeepsWhatTheFormDoesNotShowAndPutsTheProgram() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("PUBLISHED"))));
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo("/api/v1/excursions/exc-zefir"))
            .willReturn(json(200, program("PUBLISHED"))));

        mvc.perform(get("/console/programs/exc-zefir/edit").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("value=\"Зефирная фабрика\""),
                containsString("value=\"500,50\""), containsString("data-testid=\"save-program\""))));

        mvc.perform(post("/console/programs/exc-zefir").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("titleRu", "Зефир").param("description", "Как делают зефир").param("durationMinutes", "120")
                .param("languages", "ru").param("bookingMode", "INSTANT").param("meetingPoint", "Проходная")
                .param("documents", "NONE").param("adultPrice", "1000").param("childPrice", "")
                .param("minUnits", "1").param("maxUnits", "40").param("bookingCutoffHours", "12")
                .param("cancellationCutoffHours", "24"))
            .andExpect(redirectedUrl("/console/programs/exc-zefir"));

        gateway.verify(putRequestedFor(urlEqualTo("/api/v1/excursions/exc-zefir")).withRequestBody(equalToJson("""
            {"title":"Зефир","descriptionEn":"How it is made","durationMinutes":120,"bookingMode":"INSTANT",
             "rules":{"ppeRequired":true,"manifestLeadDays":2,"accessibility":"Пандус","documents":"NONE"},
             "units":[{"id":"adult","type":"ADULT","price":100000},
                      {"id":"escort","type":"ACCOMPANYING_ADULT","minAge":18,"price":0,"freeAccompanyingPerChildren":10}]}""",
            true, true)));
    }

    @Test
    void aRefusedPublicationListsWhatIsMissing() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions/exc-zefir/publish"))
            .willReturn(problem(422, """
                {"title":"Incomplete","status":422,"detail":"The program cannot be published yet",
                 "errors":[{"field":"units","message":"at least one unit is required"},
                           {"field":"meetingPoint","message":"is required"}]}""")));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("DRAFT"))));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").willReturn(json(200, "[]")));

        mvc.perform(post("/console/programs/exc-zefir/publish").with(as(staffOf(ENTERPRISE))).with(csrf()))
            .andExpect(status().isUnprocessableContent())
            .andExpect(content().string(allOf(containsString("The program cannot be published yet"),
                containsString("data-testid=\"publish-problems\""),
                containsString("<li>Цены: at least one unit is required</li>"),
                containsString("<li>Место сбора: is required</li>"),
                containsString("data-testid=\"program-status\" data-status=\"DRAFT\""),
                containsString("data-testid=\"publish\""), not(containsString("data-testid=\"unpublish\"")))));
    }

    @Test
    void theProgramPageListsItsSlotsWithSeatsAndLocalTimes() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("PUBLISHED"))));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").willReturn(json(200, "[" + slot("OPEN", 30, 4, 10) + "]")));

        mvc.perform(get("/console/programs/exc-zefir").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                containsString("data-testid=\"program-status\" data-status=\"PUBLISHED\""),
                containsString("data-testid=\"unpublish\""),
                containsString("data-testid=\"slot-row\""),
                containsString("href=\"/console/slots/slot-1\" data-testid=\"slot-link\">10.12.2026 10:00</a>"),
                containsString("900 ₽"), containsString("500,50 ₽"),
                containsString("data-testid=\"add-slot\""), containsString("data-testid=\"add-schedule\""))));
    }

    @Test
    void addingASlotSendsTheLocalStartAsDateAndTime() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions/exc-zefir/slots"))
            .willReturn(json(201, slot("OPEN", 25, 0, 0))));

        mvc.perform(post("/console/programs/exc-zefir/slots").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("date", "2026-12-10").param("time", "10:00").param("capacity", "25"))
            .andExpect(redirectedUrl("/console/programs/exc-zefir"))
            .andExpect(flash().attributeExists("notice"));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/excursions/exc-zefir/slots"))
            .withRequestBody(equalToJson("{\"localStart\":\"2026-12-10T10:00\",\"capacity\":25}")));
    }

    @Test
    void aRefusedSlotShowsTheProgramAgainWithTheCatalogsSentenceAndStatus() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions/exc-zefir/slots"))
            .willReturn(problem(409, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"A slot already starts at 2026-12-10T10:00\"}")));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("PUBLISHED"))));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").willReturn(json(200, "[]")));

        mvc.perform(post("/console/programs/exc-zefir/slots").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("date", "2026-12-10").param("time", "10:00").param("capacity", "25"))
            .andExpect(status().isConflict())
            .andExpect(content().string(allOf(containsString("A slot already starts at 2026-12-10T10:00"),
                containsString("data-testid=\"add-slot\""))));
    }

    @Test
    void aSlotWithoutADateIsRefusedWithoutAskingTheCatalog() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir").willReturn(json(200, program("PUBLISHED"))));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").willReturn(json(200, "[]")));

        mvc.perform(post("/console/programs/exc-zefir/slots").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("date", "10 декабря").param("time", "10:00").param("capacity", "25"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("Укажите дату (ГГГГ-ММ-ДД) и время (ЧЧ:ММ) сеанса.")));
        gateway.verify(0, postRequestedFor(urlEqualTo("/api/v1/excursions/exc-zefir/slots")));
    }

    @Test
    void aScheduleSendsDaysTimesAndDatesAndReportsWhatItCreated() throws Exception {
        gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/v1/excursions/exc-zefir/schedules"))
            .willReturn(json(201, "{\"created\":8,\"skipped\":1,\"slotIds\":[]}")));

        mvc.perform(post("/console/programs/exc-zefir/schedules").with(as(staffOf(ENTERPRISE))).with(csrf())
                .param("daysOfWeek", "TUESDAY", "THURSDAY").param("times", "10:00, 14:30").param("from", "2026-12-07")
                .param("to", "2026-12-20").param("capacity", "30"))
            .andExpect(redirectedUrl("/console/programs/exc-zefir"))
            .andExpect(flash().attribute("notice", "Создано сеансов: 8, пропущено (уже были): 1."));

        gateway.verify(postRequestedFor(urlEqualTo("/api/v1/excursions/exc-zefir/schedules")).withRequestBody(equalToJson("""
            {"daysOfWeek":["TUESDAY","THURSDAY"],"times":["10:00","14:30"],"from":"2026-12-07","to":"2026-12-20","capacity":30}""")));
    }

    @Test
    void theProgramListShowsTitleStatusAndTheNewProgramButton() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").withQueryParam("mine", equalTo("true"))
            .willReturn(json(200, ConsoleFixtures.programsPage())));

        mvc.perform(get("/console/programs").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Зефирная фабрика"),
                containsString("href=\"/console/programs/exc-zefir\""), containsString("href=\"/console/programs/new\""),
                containsString("data-status=\"PUBLISHED\""))));
    }
}
