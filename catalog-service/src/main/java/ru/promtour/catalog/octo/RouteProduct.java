package ru.promtour.catalog.octo;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgram.Documents;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.route.RouteLeg;
import ru.promtour.catalog.route.RouteUnits;

/**
 * A route as an OCTO product ({@code id} = route id): the reseller books the route, its legs are listed (in the
 * spirit of {@code octo/packages}). Computed from the legs' programs as they are now, not from the route's saved
 * snapshot, so durations and prices are those the legs' own products show.
 *
 * @param legs       the legs' products, in leg order
 * @param program    the legs combined into one program for the OCTO option and units: the units every leg offers
 *                   (same id and type), each priced at the sum of the legs' prices; the strictest rules, ages, group
 *                   sizes and cut-offs; INSTANT only if every leg is
 * @param startTimes the first leg's upcoming local start times inside its window
 */
public record RouteProduct(Route route, List<OctoProduct> legs, ExcursionProgram program, List<LocalTime> startTimes) {

    public String id() {
        return route.id();
    }

    /** The route's window and transfer of leg {@code i} (0-based). */
    public RouteLeg window(int i) {
        return route.legs().get(i);
    }

    static RouteProduct of(Route route, List<OctoProduct> legs, List<LocalTime> startTimes) {
        return new RouteProduct(route, legs, combined(route, legs.stream().map(OctoProduct::program).toList()), startTimes);
    }

    private static ExcursionProgram combined(Route route, List<ExcursionProgram> programs) {
        List<String> languages = programs.get(0).languages().stream()
                .filter(l -> programs.stream().allMatch(p -> p.languages().contains(l))).toList();
        boolean instant = programs.stream().allMatch(p -> p.bookingMode() == ExcursionProgram.BookingMode.INSTANT);
        Documents documents = programs.stream().map(p -> p.rules() == null ? Documents.NONE : p.rules().documents())
                .max(Comparator.naturalOrder()).orElse(Documents.NONE);
        ExcursionProgram.Rules rules = new ExcursionProgram.Rules(null,
                programs.stream().anyMatch(p -> p.rules() != null && p.rules().ppeRequired()), null,
                programs.stream().allMatch(p -> p.rules() == null || p.rules().photoAllowed()), documents,
                programs.stream().mapToInt(p -> p.rules() == null ? 0 : p.rules().manifestLeadDays()).max().orElse(0), null);
        int duration = 0;
        for (int i = 0; i < programs.size(); i++) {
            duration += route.legs().get(i).transferMinutes() + programs.get(i).durationMinutes();
        }
        return new ExcursionProgram(route.title(), null,
                String.join(" → ", programs.stream().map(ExcursionProgram::title).toList()), null, duration,
                languages.isEmpty() ? programs.get(0).languages() : languages,
                programs.stream().mapToInt(ExcursionProgram::minAge).max().orElse(0),
                instant ? ExcursionProgram.BookingMode.INSTANT : ExcursionProgram.BookingMode.ON_REQUEST,
                programs.get(0).meetingPoint(), rules, RouteUnits.common(programs),
                programs.stream().mapToInt(ExcursionProgram::minUnits).max().orElse(1),
                programs.stream().mapToInt(ExcursionProgram::maxUnits).min().orElse(1),
                programs.stream().mapToInt(ExcursionProgram::bookingCutoffHours).max().orElse(0),
                programs.stream().mapToInt(ExcursionProgram::cancellationCutoffHours).max().orElse(0));
    }
}
