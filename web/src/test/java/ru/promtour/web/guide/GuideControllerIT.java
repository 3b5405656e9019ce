package ru.promtour.web.guide;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.promtour.web.testsupport.WebTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The guide's pages with WireMock standing in for the gateway: what each page asks the public catalog API, and what a
 * visitor then reads — local times with their zone, rubles, field messages, the API's refusals, the calendar.
 */
class GuideControllerIT extends WebTestSupport {

    private static final String SEARCH = "/api/v1/catalog/excursions";
    private static final String NBSP = "\u00a0";

    @BeforeEach
    void catalogWithFacets() {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/catalog/facets")).willReturn(okJson(GuideFixtures.facets())));
    }

    @Test
    void theSearchPassesEveryFilterUnderTheApisParameterNames() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.emptyPage())));

        page(get("/guide").param("region", "RU-KLU").param("industry", "CONFECTIONERY")
                .param("dateFrom", "2026-12-20").param("dateTo", "2026-12-31").param("age", "7")
                .param("language", "en").param("groupSize", "25").param("q", "зефир & co+").param("page", "2"), 200);

        gateway.verify(1, getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("region", equalTo("RU-KLU"))
                .withQueryParam("industry", equalTo("CONFECTIONERY"))
                .withQueryParam("dateFrom", equalTo("2026-12-20"))
                .withQueryParam("dateTo", equalTo("2026-12-31"))
                .withQueryParam("age", equalTo("7"))
                .withQueryParam("language", equalTo("en"))
                .withQueryParam("minFreeSeats", equalTo("25"))
                .withQueryParam("q", equalTo("зефир & co+"))
                .withQueryParam("page", equalTo("2"))
                .withQueryParam("size", equalTo("20"))
                .withoutQueryParam("groupSize")
                .withoutHeader("Authorization"));
    }

    @Test
    void anEmptyFormAsksForEverythingAndSendsNoEmptyFilters() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.emptyPage())));

        page(get("/guide").param("region", "").param("age", " ").param("q", ""), 200);

        gateway.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)).withoutQueryParam("region")
                .withoutQueryParam("age").withoutQueryParam("q").withoutQueryParam("minFreeSeats")
                .withQueryParam("page", equalTo("0")));
    }

    @Test
    void aCardShowsTheProgrammeWithLocalTimesRublesAndRules() throws Exception {
        LocalDate day = LocalDate.of(2026, 12, 10);
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.searchPage(day, 0, 20, 1))));

        String html = page(get("/guide"), 200);

        assertThat(count(html, "data-testid=\"result-card\"")).isEqualTo(1);
        assertThat(html).contains("data-testid=\"result-count\"").contains("Найдено программ: 1")
                .contains("href=\"/guide/programs/exc-dam\"").contains("data-testid=\"program-link\"");
        String card = text(html);
        assertThat(card).contains("Плотина Иркутской ГЭС", "Иркутская ГЭС", "Иркутск", "Иркутская область")
                .as("an industry without a name shows its code").contains("SPACE_YARDS")
                .contains("120 мин", "14+", "русский, английский")
                .contains("от 900,50" + NBSP + "₽")
                .as("the enterprise's local time and zone, not the server's").contains("чт, 10 дек., 10:00 (IRKT, UTC+8)")
                .contains("свободно: 12")
                .contains("Спецодежда и СИЗ: Каски выдаются", "(обязательно)", "Нужен паспорт.", "Минимальный возраст: 14+");
        assertThat(html).doesNotContain("data-testid=\"no-results\"");
    }

    @Test
    void aCardWithoutRulesFromAnOlderCatalogStillRenders() throws Exception {
        String withoutRules = GuideFixtures.searchPage(LocalDate.of(2026, 12, 10), 0, 20, 1)
                .replaceAll(",\\s*\"rules\":\\{[^}]*}", "");
        assertThat(withoutRules).doesNotContain("\"rules\"");
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(withoutRules)));

        String html = page(get("/guide"), 200);

        assertThat(text(html)).contains("Плотина Иркутской ГЭС", "Минимальный возраст: 14+").doesNotContain("Нужен паспорт");
    }

    @Test
    void anEmptyResultSaysSoKindly() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.emptyPage())));

        String html = page(get("/guide").param("region", "RU-KLU"), 200);

        assertThat(html).contains("data-testid=\"no-results\"").contains("Найдено программ: 0")
                .doesNotContain("data-testid=\"result-card\"");
    }

    @Test
    void pagesLinkToTheirNeighboursKeepingTheSearch() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH))
                .willReturn(okJson(GuideFixtures.searchPage(LocalDate.of(2026, 12, 10), 1, 20, 45))));

        String html = page(get("/guide").param("region", "RU-IRK").param("page", "1"), 200);

        assertThat(html).contains("href=\"/guide?region=RU-IRK&amp;page=0\"").contains("data-testid=\"page-previous\"")
                .contains("href=\"/guide?region=RU-IRK&amp;page=2\"").contains("data-testid=\"page-next\"")
                .contains("Страница 2 из 3");
    }

    @Test
    void theSelectsOfferTheRegionsAndIndustriesThatHaveProgrammesByName() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.emptyPage())));

        String html = page(get("/guide").param("region", "RU-IRK"), 200);

        assertThat(html).contains("<option value=\"RU-KLU\" data-count=\"3\">Калужская область</option>")
                .contains("<option value=\"RU-IRK\" data-count=\"2\" selected=\"selected\">Иркутская область</option>")
                .contains("<option value=\"CONFECTIONERY\" data-count=\"2\">Кондитерская промышленность</option>")
                .contains("<option value=\"en\" data-count=\"2\">английский</option>");
        assertThat(html.indexOf("Иркутская область")).as("by name").isLessThan(html.indexOf("Калужская область"));
    }

    @Test
    void withoutFacetsTheSearchStillWorks() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo("/api/v1/catalog/facets")).willReturn(aResponse().withStatus(503)));
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(okJson(GuideFixtures.emptyPage())));

        String html = page(get("/guide"), 200);

        assertThat(html).contains("data-testid=\"no-results\"").contains("<option value=\"ru\" data-count=\"0\">русский</option>");
    }

    @ParameterizedTest(name = "{0}={1} → {3}")
    @MethodSource("badInput")
    void badInputIsShownNextToItsFieldAndNeverSent(String field, String value, String otherField, String message)
            throws Exception {
        MockHttpServletRequestBuilder request = get("/guide").param(field, value);
        if (otherField != null) {
            request.param(otherField, "2026-12-20");
        }

        String html = page(request, 400);

        String errorId = "dateOrder".equals(otherField) ? "dateTo-error" : field + "-error";
        assertThat(html).contains("id=\"" + errorId + "\"").contains(message).contains("role=\"alert\"")
                .contains("Проверьте поля формы");
        gateway.verify(0, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("dateFrom", "2026-13-01", null, "Введите дату в формате ГГГГ-ММ-ДД"),
                Arguments.of("dateTo", "завтра", null, "Введите дату в формате ГГГГ-ММ-ДД"),
                Arguments.of("dateTo", "2026-12-19", "dateFrom", "Дата окончания не может быть раньше даты начала"),
                Arguments.of("age", "121", null, "Возраст — целое число от 0 до 120"),
                Arguments.of("age", "-1", null, "Возраст — целое число от 0 до 120"),
                Arguments.of("age", "десять", null, "Возраст — целое число от 0 до 120"),
                Arguments.of("groupSize", "0", null, "Размер группы — целое число от 1 до 10000"),
                Arguments.of("groupSize", "10001", null, "Размер группы — целое число от 1 до 10000"),
                Arguments.of("groupSize", "99999999999", null, "Размер группы — целое число от 1 до 10000"),
                Arguments.of("region", "KLU", null, "Выберите регион из списка"),
                Arguments.of("language", "rus", null, "Выберите язык из списка"),
                Arguments.of("q", "я".repeat(101), null, "Не больше 100 символов"));
    }

    @Test
    void theApisRefusalIsShownWithItsSentenceNextToTheField() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"title":"Bad Request","status":400,"detail":"Invalid request parameters",
                         "errors":[{"field":"dateTo","message":"the date range covers at most 366 days"},
                                   {"field":"minFreeSeats","message":"must be less than or equal to 10000"}]}
                        """)));

        String html = page(get("/guide").param("dateFrom", "2026-12-01").param("dateTo", "2028-01-01"), 400);

        assertThat(html).contains("Invalid request parameters")
                .containsPattern("id=\"dateTo-error\"[^>]*>the date range covers at most 366 days<")
                .containsPattern("id=\"groupSize-error\"[^>]*>must be less than or equal to 10000<")
                .doesNotContain("\"errors\"");
    }

    @Test
    void anUnavailableCatalogIsShownAsASentence() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));

        String html = page(get("/guide"), 503);

        assertThat(html).contains("data-testid=\"error\"")
                .contains("The service is busy or unavailable; try again in a moment (after 5 s)")
                .contains("data-testid=\"search-form\"");
    }

    @Test
    void theProgrammePageShowsItsDetailsAndA30DayCalendarInTheEnterprisesLocalDays() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of(GuideFixtures.IRKUTSK));
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH + "/exc-dam")).willReturn(okJson(GuideFixtures.program(today))));

        String html = page(get("/guide/programs/exc-dam"), 200);

        assertThat(html).contains("data-testid=\"program-title\">Плотина Иркутской ГЭС<");
        assertThat(text(html)).contains("ул. Плотина, 1", "Проходная №2", "Как работает ГЭС.", "120 мин", "русский",
                "По заявке: предприятие подтверждает группу", "Взрослый", "18+", "1" + NBSP + "000" + NBSP + "₽",
                "Студент", "14–25", "600,50" + NBSP + "₽", "Одежда: Закрытая обувь", "Фотографировать нельзя.",
                "Нужен паспорт.", "Запись закрывается за 240 ч до начала.", "туроператоров", "OCTO",
                "+73952000000", "dam@example.org");
        assertThat(html).contains("data-testid=\"availability-calendar\"").contains("<caption")
                .doesNotContain("<form method=\"post\"");
        assertThat(count(html, "<th scope=\"col\">")).as("Monday..Sunday heads").isGreaterThanOrEqualTo(7);
        List<String> days = dates(html);
        assertThat(days).hasSize(30);
        assertThat(days.get(0)).isEqualTo(today.toString());
        assertThat(days.get(29)).isEqualTo(today.plusDays(29).toString());
        assertThat(cell(html, today.plusDays(2))).contains("10:00", "Есть места", "свободно: 12");
        assertThat(cell(html, today.plusDays(5))).contains("14:30", "Мест нет").doesNotContain("свободно");
        assertThat(cell(html, today.plusDays(6))).contains("09:00", "Запись закрыта");
        assertThat(cell(html, today.plusDays(3))).contains("Нет экскурсий");
        assertThat(cell(html, today.plusDays(2))).as("a screen reader hears the whole date")
                .contains(String.valueOf(today.plusDays(2).getYear()));
    }

    @Test
    void anUnknownProgrammeIsAFriendly404() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH + "/exc-gone")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such excursion\"}")));

        assertThat(page(get("/guide/programs/exc-gone"), 404)).contains("Экскурсия не найдена")
                .contains("data-testid=\"not-found\"");
        assertThat(page(get("/guide/programs/bad$id"), 404)).contains("Экскурсия не найдена");
        gateway.verify(0, getRequestedFor(urlPathEqualTo(SEARCH + "/bad$id")));
    }

    @Test
    void aProgrammeThatCannotBeLoadedIsAReadableErrorPage() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH + "/exc-dam")).willReturn(aResponse().withStatus(503)));

        assertThat(page(get("/guide/programs/exc-dam"), 503)).contains("The service is busy or unavailable");
    }

    @Test
    void theEnglishSwitchShowsEnglishLabelsAndTitles() throws Exception {
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH))
                .willReturn(okJson(GuideFixtures.searchPage(LocalDate.of(2026, 12, 10), 0, 20, 1))));
        gateway.stubFor(WireMock.get(urlPathEqualTo(SEARCH + "/exc-dam"))
                .willReturn(okJson(GuideFixtures.program(LocalDate.now(ZoneId.of(GuideFixtures.IRKUTSK))))));

        String search = page(get("/guide").param("lang", "en"), 200);
        String program = page(get("/guide/programs/exc-dam").param("lang", "en"), 200);

        assertThat(search).contains("lang=\"en\"").contains(">Region<").contains(">Search<")
                .contains("Programmes found: 1").contains("The Irkutsk dam").contains("Irkutsk Oblast")
                .contains("Thu, 10 Dec, 10:00 (IRKT, UTC+8)").contains("from 900.50" + NBSP + "₽")
                .doesNotContain("Найдено");
        assertThat(program).contains("data-testid=\"program-title\">The Irkutsk dam<")
                .contains("How a hydropower plant works.").contains("Seats available").contains("How to book");
    }

    private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(html).isEqualTo(status);
        return html;
    }

    /** The visible text, tags dropped and white space collapsed. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("[ \\t\\r\\n]+", " ");
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    private static List<String> dates(String html) {
        List<String> dates = new ArrayList<>();
        Matcher td = Pattern.compile("<td([^>]*)>").matcher(html);
        while (td.find()) {
            Matcher date = Pattern.compile("data-date=\"([0-9-]+)\"").matcher(td.group(1));
            if (td.group(1).contains("data-testid=\"calendar-day\"") && date.find()) {
                dates.add(date.group(1));
            }
        }
        return dates;
    }

    /** The text of one calendar day's cell. */
    private static String cell(String html, LocalDate date) {
        int start = html.indexOf("data-date=\"" + date + "\"");
        assertThat(start).as("a cell for " + date).isPositive();
        return text(html.substring(start, html.indexOf("</td>", start)));
    }
}
