package ru.promtour.catalog.octo.web;

import java.util.List;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.OpeningHours.TimeRange;

/**
 * The OCTO fields of opening-hours products: an OPENING_HOURS product's one "start time" is local midnight (its
 * availabilities are whole local dates), and {@code openingHours} lists a day's ranges; a start time has none
 * ({@code []}, as in the spec's examples).
 */
final class OctoOpeningHours {

    private static final List<String> MIDNIGHT = List.of("00:00");

    private OctoOpeningHours() {
    }

    static List<OctoJson.OpeningHours> of(List<TimeRange> ranges) {
        return ranges == null ? List.of() : ranges.stream().map(r -> new OctoJson.OpeningHours(r.from(), r.to())).toList();
    }

    /** {@code availabilityLocalStartTimes}: local midnight for OPENING_HOURS, else the given start times. */
    static List<String> startTimes(ExcursionProgram program, List<String> startTimes) {
        return program.openingHoursProduct() ? MIDNIGHT : startTimes;
    }
}
