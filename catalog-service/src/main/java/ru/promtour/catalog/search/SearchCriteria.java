package ru.promtour.catalog.search;

import java.time.LocalDate;

/**
 * What the public asks for. Syntax (formats, bounds) is checked by the web layer; the rules that
 * involve several parameters or "today" are checked by {@link CatalogSearch}.
 *
 * @param dateFrom     first local date (each excursion's own zone); null means today
 * @param dateTo       last local date, inclusive; null means dateFrom + 30 days
 * @param age          a visitor's age the program must admit; null for any
 * @param minFreeSeats seats a slot must still have free
 * @param q            text looked for in title, description, enterprise name and city; null or blank for any
 */
public record SearchCriteria(String region, String industry, LocalDate dateFrom, LocalDate dateTo, Integer age,
                             String language, int minFreeSeats, String q, int page, int size) {
}
