package ru.promtour.web.guide;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.web.util.UriBuilder;

/**
 * A checked {@link SearchForm}: the values parsed, or for each wrong field the key of the message that says why. The
 * bounds are the public catalog API's, so a checked query is not refused for its syntax; rules involving "today"
 * or the width of the date range stay the API's, whose refusal the page shows as well.
 */
final class SearchQuery {

    /** Results per page. */
    static final int PAGE_SIZE = 20;

    private static final Pattern REGION = Pattern.compile("^RU-[A-Z]{2,3}$");
    private static final Pattern INDUSTRY = Pattern.compile("^[A-Z][A-Z_]{1,39}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    private static final int MAX_TEXT = 100;

    private final Map<String, String> errors = new LinkedHashMap<>();
    final String region;
    final String industry;
    final LocalDate dateFrom;
    final LocalDate dateTo;
    final Integer age;
    final String language;
    final Integer groupSize;
    final String q;
    final int page;

    SearchQuery(SearchForm form) {
        region = code(form.region(), REGION, "region", "guide.error.region");
        industry = code(form.industry(), INDUSTRY, "industry", "guide.error.industry");
        language = code(form.language(), LANGUAGE, "language", "guide.error.language");
        dateFrom = date(form.dateFrom(), "dateFrom");
        dateTo = date(form.dateTo(), "dateTo");
        if (dateFrom != null && dateTo != null && dateTo.isBefore(dateFrom)) {
            errors.put("dateTo", "guide.error.dateOrder");
        }
        age = number(form.age(), 0, 120, "age", "guide.error.age");
        groupSize = number(form.groupSize(), 1, 10000, "groupSize", "guide.error.groupSize");
        String text = blankToNull(form.q());
        if (text != null && text.length() > MAX_TEXT) {
            errors.put("q", "guide.error.q");
        }
        q = text;
        Integer p = number(form.page(), 0, 100000, "page", "guide.error.page");
        page = p == null ? 0 : p;
    }

    /** Field name to message key; empty when the query may be sent. */
    Map<String, String> errors() {
        return Collections.unmodifiableMap(errors);
    }

    /** The public catalog search with the values given; {@code groupSize} is the API's {@code minFreeSeats}. */
    URI toApi(UriBuilder uri) {
        uri.path("/api/v1/catalog/excursions");
        Map<String, Object> values = new LinkedHashMap<>();
        optional(values, "region", region);
        optional(values, "industry", industry);
        optional(values, "dateFrom", dateFrom);
        optional(values, "dateTo", dateTo);
        optional(values, "age", age);
        optional(values, "language", language);
        optional(values, "minFreeSeats", groupSize);
        optional(values, "q", q);
        values.put("page", page);
        values.put("size", PAGE_SIZE);
        // template variables, so "+" and "&" in the text reach the API as typed (values are encoded in full)
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(values);
    }

    /** The form field an API parameter came from, for the API's own field errors. */
    static String formField(String apiParameter) {
        return switch (apiParameter) {
            case "minFreeSeats" -> "groupSize";
            case "size" -> "page";
            default -> apiParameter;
        };
    }

    private static void optional(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value.toString());
        }
    }

    private String code(String raw, Pattern pattern, String field, String message) {
        String value = blankToNull(raw);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.put(field, message);
            return null;
        }
        return value;
    }

    private LocalDate date(String raw, String field) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            errors.put(field, "guide.error.date");
            return null;
        }
    }

    private Integer number(String raw, int min, int max, String field, String message) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // not a whole number: the same message as out of range
        }
        errors.put(field, message);
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
