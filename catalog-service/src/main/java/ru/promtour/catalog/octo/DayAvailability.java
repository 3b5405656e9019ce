package ru.promtour.catalog.octo;

import java.time.LocalDate;
import java.util.List;

import ru.promtour.catalog.excursion.OpeningHours.TimeRange;

/** One local date of the availability calendar, aggregated from its slots (see {@link AvailabilityRules#day}). */
public record DayAvailability(LocalDate localDate, AvailabilityStatus status, int vacancies, int capacity,
                              boolean available, List<TimeRange> openingHours) {
}
