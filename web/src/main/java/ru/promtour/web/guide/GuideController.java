package ru.promtour.web.guide;

import java.text.Collator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The public guide: {@code GET /guide} searches the catalog (a GET form, so a search is a link and works without
 * JavaScript) and {@code GET /guide/programs/{id}} shows one programme with a 30-day calendar. Anyone may open them;
 * everything comes from the catalog's public API through the gateway. Wrong input is shown next to its field with a
 * 400 and never reaches the API; the API's own refusal or absence is shown as a sentence on the same page.
 */
@Controller
public class GuideController {

    private static final Logger log = LoggerFactory.getLogger(GuideController.class);
    /** Programme ids as the catalog makes them; anything else cannot exist and is not sent on. */
    private static final Pattern PROGRAM_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$");
    private static final List<String> FALLBACK_LANGUAGES = List.of("ru", "en");

    private final GatewayClient gateway;
    private final GuideFormat format;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    public GuideController(GatewayClient gateway, GuideFormat format, MessageSource messages) {
        this.gateway = gateway;
        this.format = format;
        this.messages = messages;
    }

    @GetMapping("/guide")
    public String search(@ModelAttribute("form") SearchForm form, HttpServletRequest request,
                         HttpServletResponse response, Locale locale, Model model) {
        addOptions(form, locale, model);
        SearchQuery query = new SearchQuery(form);
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        query.errors().forEach((field, key) -> fieldErrors.put(field, messages.getMessage(key, null, key, locale)));
        model.addAttribute("fieldErrors", fieldErrors);
        if (!fieldErrors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("apiError", messages.getMessage("guide.error.summary", null, locale));
            return "guide/search";
        }
        try {
            Map<String, Object> page = gateway.get(query::toApi);
            model.addAttribute("results", page);
            addPaging(page, request, model);
        }
        catch (ApiException ex) {
            response.setStatus(ex.pageStatus());
            ex.fieldErrors().forEach((parameter, text) -> fieldErrors.put(SearchQuery.formField(parameter), text));
            model.addAttribute("apiError", ex.getMessage());
        }
        return "guide/search";
    }

    @GetMapping("/guide/programs/{id}")
    public String program(@PathVariable String id, HttpServletResponse response, Model model) {
        if (!PROGRAM_ID.matcher(id).matches()) {
            return notFound(response);
        }
        Map<String, Object> program;
        try {
            program = gateway.get(path("/api/v1/catalog/excursions/{id}", id));
        }
        catch (ApiException ex) {
            if (!ex.isNotFound()) {
                throw ex; // the readable error page (config.ApiErrorPage) with the API's status
            }
            return notFound(response);
        }
        model.addAttribute("program", program);
        model.addAttribute("pageTitle", format.text(program.get("title")));
        model.addAttribute("calendar", AvailabilityCalendar.of(today(program), availability(program)));
        return "guide/program";
    }

    /** Draft, withdrawn, of a suspended enterprise or never existing: the visitor sees one friendly page. */
    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "guide/not-found";
    }

    /** The select options: regions, industries and languages published programmes have, by name. */
    private void addOptions(SearchForm form, Locale locale, Model model) {
        Map<String, Object> facets = Map.of();
        try {
            facets = gateway.get(path("/api/v1/catalog/facets"));
        }
        catch (ApiException ex) {
            // the search still works without the lists; its own call reports an outage to the visitor
            log.debug("No facets for the guide's form: {}", ex.getMessage());
        }
        Collator byName = Collator.getInstance(locale);
        model.addAttribute("regions", options(facets.get("regions"), form.region(), format::region, byName));
        model.addAttribute("industries", options(facets.get("industries"), form.industry(), format::industry, byName));
        List<FacetOption> languages = options(facets.get("languages"), form.language(), format::language, byName);
        if (languages.isEmpty()) {
            languages = FALLBACK_LANGUAGES.stream().map(code -> new FacetOption(code, format.language(code), 0)).toList();
        }
        model.addAttribute("languages", languages);
    }

    private static List<FacetOption> options(Object facet, String chosen, Function<String, String> name,
                                             Collator byName) {
        List<FacetOption> options = new ArrayList<>();
        if (facet instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> count && count.get("code") instanceof String code) {
                    long n = count.get("count") instanceof Number number ? number.longValue() : 0;
                    options.add(new FacetOption(code, name.apply(code), n));
                }
            }
        }
        String kept = chosen == null ? "" : chosen.strip();
        if (!kept.isEmpty() && kept.length() <= 40 && options.stream().noneMatch(o -> o.code().equals(kept))) {
            options.add(new FacetOption(kept, name.apply(kept), 0));
        }
        options.sort(Comparator.comparing(FacetOption::label, byName));
        return options;
    }

    /** Previous and next links that keep the rest of the query. */
    private static void addPaging(Map<String, Object> page, HttpServletRequest request, Model model) {
        long total = number(page.get("total"));
        long size = Math.max(1, number(page.get("size")));
        long current = number(page.get("page"));
        model.addAttribute("pages", (total + size - 1) / size);
        model.addAttribute("currentPage", current + 1);
        if (current > 0) {
            model.addAttribute("previousUrl", pageUrl(request, current - 1));
        }
        if ((current + 1) * size < total) {
            model.addAttribute("nextUrl", pageUrl(request, current + 1));
        }
    }

    /** The same search on another page: the filters given (blank ones left out), then the page. */
    private static String pageUrl(HttpServletRequest request, long page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/guide");
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (!"page".equals(name) && value != null && !value.isBlank()) {
                    uri.queryParam(name, value);
                }
            }
        });
        return uri.queryParam("page", page).encode().build().toUriString();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** Today where the enterprise is: the calendar counts its days there, never in the server's zone. */
    private LocalDate today(Map<String, Object> program) {
        Object zone = program.get("enterprise") instanceof Map<?, ?> enterprise ? enterprise.get("timeZone") : null;
        try {
            return LocalDate.now(clock.withZone(ZoneId.of(String.valueOf(zone))));
        }
        catch (DateTimeException ex) {
            return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> availability(Map<String, Object> program) {
        return program.get("availability") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList()
                : List.of();
    }
}
