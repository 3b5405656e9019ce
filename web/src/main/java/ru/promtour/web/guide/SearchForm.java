package ru.promtour.web.guide;

/**
 * The guide's search form as the browser sent it: every field is text, so a wrong value is shown again next to its
 * field with a message instead of failing the binding. The parameter names are a contract (links are shared).
 *
 * @param region    ISO 3166-2:RU code, e.g. {@code RU-KLU}
 * @param age       age of the youngest in the group
 * @param groupSize seats the group needs (the API's {@code minFreeSeats})
 * @param page      zero-based result page
 */
public record SearchForm(String region, String industry, String dateFrom, String dateTo, String age, String language,
                         String groupSize, String q, String page) {
}
