package ru.promtour.web.admin;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The analytics page: the filter passed to every report, the charts' data block and tables, the CSV downloads. */
class AnalyticsPagesTest extends AdminTestSupport {

    private static void stubReports() {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/visitors")).willReturn(okJson("""
            {"report":"visitors","from":"2026-11-01","to":"2026-11-30","groupBy":"enterprise","rows":[
              {"key":"fruzhe","label":"Фруже</script><b>","bookings":4,"units":60,"visitors":48,"expectedVisitors":7,"children":30,"adults":30,"schoolGroups":2,"noShows":1}],
             "total":{"key":"TOTAL","label":"Итого","bookings":4,"units":60,"visitors":48,"expectedVisitors":7,"children":30,"adults":30,"schoolGroups":2,"noShows":1}}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/fill-rate")).willReturn(okJson("""
            {"report":"fill-rate","rows":[{"key":"fruzhe","label":"Фруже","slots":5,"capacity":200,"sold":150,"fillRate":0.75}],
             "total":{"key":"TOTAL","label":"Итого","slots":5,"capacity":200,"sold":150,"fillRate":0.75}}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/lead-time")).willReturn(okJson("""
            {"report":"lead-time","rows":[{"key":"fruzhe","label":"Фруже","bookings":4,"averageDays":12.5,"medianDays":10.0,"p90Days":30.0,
              "buckets":{"0-7":1,"8-30":2,"31-90":1,"91+":0}}],
             "total":{"key":"TOTAL","label":"Итого","bookings":4,"averageDays":12.5,"medianDays":10.0,"p90Days":30.0,
              "buckets":{"0-7":1,"8-30":2,"31-90":1,"91+":0}}}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/cancellations")).willReturn(okJson("""
            {"report":"cancellations","rows":[{"key":"OPERATOR_LATE","label":"Поздняя отмена туроператором","bookings":3,"units":45}],
             "total":{"key":"TOTAL","label":"Итого","bookings":3,"units":45}}""")));
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/top-programs")).willReturn(okJson("""
            {"report":"top-programs","rows":[{"rank":1,"programId":"exc-1","title":"Как делают зефир","enterpriseId":"fruzhe",
              "enterpriseName":"Фруже","region":"RU-KLU","industry":"CONFECTIONERY","bookings":4,"visitors":48,"expectedVisitors":7,
              "capacity":200,"sold":150,"fillRate":0.75}],"total":null}""")));
    }

    @Test
    void theFilterGoesToEveryReportAndTheFiguresComeBackAsChartDataAndTables() throws Exception {
        stubReports();

        mvc.perform(get("/console/admin/analytics").with(admin()).param("from", "2026-11-01").param("to", "2026-11-30")
                .param("region", "ru-klu").param("industry", "CONFECTIONERY").param("groupBy", "enterprise"))
            .andExpect(status().isOk())
            .andExpect(everyTextFound())
            .andExpect(content().string(allOf(
                containsString("<script type=\"application/json\" id=\"analytics-data\">"),
                containsString("\"visitors\":[48]"), containsString("\"percent\":[75.0]"),
                containsString("\"labels\":[\"0-7\",\"8-30\",\"31-90\",\"91+\"]"), containsString("\"bookings\":[1,2,1,0]"),
                containsString("Фруже\\u003c/script>\\u003cb>"), not(containsString("Фруже</script>")),
                containsString("data-testid=\"chart-visitors\""), containsString("data-testid=\"chart-fill-rate\""),
                containsString("Поздняя отмена туроператором"), containsString("Как делают зефир"),
                containsString("75,0"), containsString("/assets/js/admin-charts.js"),
                containsString("/console/admin/analytics/visitors?format=csv&amp;from=2026-11-01&amp;to=2026-11-30&amp;region=RU-KLU"))));

        for (String report : new String[] {"visitors", "fill-rate", "lead-time"}) {
            GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/analytics/" + report))
                .withQueryParam("from", equalTo("2026-11-01")).withQueryParam("to", equalTo("2026-11-30"))
                .withQueryParam("region", equalTo("RU-KLU")).withQueryParam("industry", equalTo("CONFECTIONERY"))
                .withQueryParam("groupBy", equalTo("enterprise"))
                .withHeader("Authorization", equalTo("Bearer " + ADMIN_TOKEN)));
        }
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/analytics/cancellations")).withQueryParam("groupBy", equalTo("cause")));
        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/analytics/top-programs")).withoutQueryParam("groupBy"));
    }

    @Test
    void rowsGroupedByRegionAreNamedInThePagesLanguage() throws Exception {
        stubReports();
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/visitors")).willReturn(okJson("""
            {"report":"visitors","groupBy":"region","rows":[
              {"key":"RU-KLU","bookings":4,"units":60,"visitors":48,"expectedVisitors":7,"children":30,"adults":30,"schoolGroups":2,"noShows":1},
              {"key":"RU-XXX","bookings":1,"units":5,"visitors":5,"expectedVisitors":0,"children":0,"adults":5,"schoolGroups":0,"noShows":0}],
             "total":{"key":"TOTAL","label":"Итого","bookings":5,"units":65,"visitors":53,"expectedVisitors":7,"children":30,"adults":35,"schoolGroups":2,"noShows":1}}""")));

        mvc.perform(get("/console/admin/analytics").with(admin()).param("groupBy", "region"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Калужская область"), containsString("RU-XXX"),
                containsString("\"labels\":[\"Калужская область\",\"RU-XXX\"]"))));
        mvc.perform(get("/console/admin/analytics").with(admin()).param("groupBy", "region").param("lang", "en"))
            .andExpect(content().string(containsString("Kaluga")));
    }

    @Test
    void theChartScriptsAreServedByThisModuleItself() throws Exception {
        mvc.perform(get("/assets/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/admin-charts.js"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("analytics-data")));
    }

    @Test
    void aBadFilterIsAnsweredNextToItsFieldsWithoutAskingForReports() throws Exception {
        mvc.perform(get("/console/admin/analytics").with(admin()).param("from", "01.11.2026").param("to", "2026-11-30")
                .param("region", "Калуга").param("groupBy", "planet"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(allOf(containsString("id=\"from-error\""), containsString("id=\"region-error\""),
                containsString("id=\"groupBy-error\""), not(containsString("analytics-data")))));
        GATEWAY.verify(0, getRequestedFor(anyUrl()));
    }

    @Test
    void aPeriodTheReportingServiceRefusesIsShownAsItsSentence() throws Exception {
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/visitors")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":400,\"detail\":\"the period may span at most 731 days\"}")));

        mvc.perform(get("/console/admin/analytics").with(admin()).param("from", "2020-01-01").param("to", "2026-11-30"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("the period may span at most 731 days")));
    }

    @Test
    void aCsvDownloadIsTheReportingServicesCsvAsAnAttachment() throws Exception {
        String csv = "Предприятие;Бронирования\nФруже;4\nИтого;4\n";
        GATEWAY.stubFor(WireMock.get(urlPathEqualTo("/api/v1/analytics/visitors")).withHeader("Accept", WireMock.containing("text/csv"))
            .willReturn(aResponse().withHeader("Content-Type", "text/csv;charset=UTF-8").withBody(csv.getBytes(StandardCharsets.UTF_8))));

        mvc.perform(get("/console/admin/analytics/visitors").with(admin()).param("format", "csv")
                .param("from", "2026-11-01").param("to", "2026-11-30").param("groupBy", "enterprise"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("text/csv")))
            .andExpect(header().string("Content-Disposition",
                allOf(containsString("attachment"), containsString("visitors-enterprise-2026-11-01-2026-11-30.csv"))))
            .andExpect(content().bytes(csv.getBytes(StandardCharsets.UTF_8)));

        GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/v1/analytics/visitors"))
            .withQueryParam("groupBy", equalTo("enterprise")).withHeader("Accept", WireMock.containing("text/csv")));
    }

    @Test
    void aCsvOfAnUnknownReportOrWithABadFilterIsRefusedWithItsReason() throws Exception {
        mvc.perform(get("/console/admin/analytics/salaries").with(admin()).param("format", "csv"))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("No report salaries")));
        mvc.perform(get("/console/admin/analytics/visitors").with(admin()).param("format", "csv").param("to", "yesterday"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("to must be a date")));
        GATEWAY.verify(0, getRequestedFor(anyUrl()));
    }
}
