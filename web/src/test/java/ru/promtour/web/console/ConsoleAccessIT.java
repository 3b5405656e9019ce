package ru.promtour.web.console;

import org.junit.jupiter.api.Test;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static ru.promtour.web.console.ConsoleFixtures.ENTERPRISE;
import static ru.promtour.web.console.ConsoleFixtures.booking;
import static ru.promtour.web.console.ConsoleFixtures.getPath;
import static ru.promtour.web.console.ConsoleFixtures.json;
import static ru.promtour.web.console.ConsoleFixtures.slot;

/** Who reaches the console's pages, and the overview a staff member lands on. */
class ConsoleAccessIT extends WebTestSupport {

    @Test
    void theRegionalOfficeIsSentToItsOwnPages() throws Exception {
        mvc.perform(get("/console").with(as(regionalOffice()))).andExpect(redirectedUrl("/console/admin"));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutASessionEveryConsolePageAsksToSignIn() throws Exception {
        for (String page : new String[] {"/console", "/console/programs", "/console/slots/slot-1", "/console/approvals",
            "/console/bookings/bk-1", "/console/slots/slot-1/manifest.csv"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/console/login"));
        }
        mvc.perform(post("/console/slots/slot-1/cancel").with(csrf()).param("reason", "x"))
            .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/console/login"));
        gateway.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theOverviewShowsTheWeeksSlotsTheGroupsAwaitingApprovalAndThePrograms() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));
        gateway.stubFor(getPath("/api/v1/excursions/exc-zefir/slots").willReturn(json(200, "[" + slot("OPEN", 30, 4, 12) + "]")));
        gateway.stubFor(getPath("/api/v1/bookings").withQueryParam("status", equalTo("PENDING")).willReturn(json(200,
            "[" + booking("bk-1", "PENDING", true, 12) + "," + booking("bk-2", "PENDING", true, 4) + "]")));

        mvc.perform(get("/console").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-testid=\"awaiting-count\">2<"),
                containsString("data-testid=\"program-count\">1<"), containsString("data-testid=\"slot-row\""),
                containsString("href=\"/console/approvals\""))));
    }

    @Test
    void theOverviewSaysSoWhenThePlatformDoesNotAnswer() throws Exception {
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(ConsoleFixtures.problem(503,
            "{\"status\":503,\"detail\":\"The catalog is unavailable\"}")));

        mvc.perform(get("/console").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("The catalog is unavailable")));
    }

    @Test
    void theConsoleSpeaksEnglishWhenAsked() throws Exception {
        gateway.stubFor(getPath("/api/v1/bookings").willReturn(json(200, "[" + booking("bk-1", "PENDING", true, 12) + "]")));
        gateway.stubFor(getPath("/api/v1/excursions").willReturn(json(200, ConsoleFixtures.programsPage())));

        mvc.perform(get("/console/approvals").param("lang", "en").with(as(staffOf(ENTERPRISE))))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("lang=\"en\""), containsString("Awaiting approval"),
                containsString(">Approve<"), containsString(">Decline<"))));
    }
}
