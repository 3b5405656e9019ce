package ru.promtour.catalog.excursion.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import ru.promtour.catalog.excursion.AvailabilityType;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.excursion.ExcursionProgram.BookingMode;
import ru.promtour.catalog.excursion.ExcursionProgram.Documents;
import ru.promtour.catalog.excursion.ExcursionProgram.UnitType;
import ru.promtour.catalog.shared.FieldProblem;
import ru.promtour.catalog.shared.InvalidInputException;

/**
 * Body of {@code POST /api/v1/excursions} and {@code PUT /api/v1/excursions/{id}}. Optional numbers
 * get the defaults a small factory tour usually has; the enterprise comes from the token, never from here.
 */
public record ExcursionRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 200) String titleEn,
        @NotBlank @Size(max = 5000) String description,
        @Size(max = 5000) String descriptionEn,
        @NotNull @Min(1) @Max(1440) Integer durationMinutes,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "^[a-z]{2}$", message = "must be an ISO 639-1 code such as ru") String> languages,
        @Min(0) @Max(120) Integer minAge,
        @NotNull BookingMode bookingMode,
        @NotBlank @Size(max = 500) String meetingPoint,
        @NotNull @Valid RulesRequest rules,
        @Size(max = 20) List<@NotNull @Valid UnitRequest> units,
        @Min(1) @Max(10000) Integer minUnits,
        @Min(1) @Max(10000) Integer maxUnits,
        @Min(0) @Max(8760) Integer bookingCutoffHours,
        @Min(0) @Max(8760) Integer cancellationCutoffHours,
        AvailabilityType availabilityType,
        @Valid OpeningHoursJson openingHours) {

    public record RulesRequest(
            @Size(max = 500) String ppe,
            Boolean ppeRequired,
            @Size(max = 500) String dressCode,
            Boolean photoAllowed,
            Documents documents,
            @Min(0) @Max(60) Integer manifestLeadDays,
            @Size(max = 1000) String accessibility) {
    }

    public record UnitRequest(
            @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,31}$", message = "must be 1-32 lowercase letters, digits, '_' or '-'") String id,
            @NotNull UnitType type,
            @Min(0) @Max(120) Integer minAge,
            @Min(0) @Max(120) Integer maxAge,
            @NotNull @PositiveOrZero @Max(100_000_000) Long price,
            @Min(1) @Max(100) Integer freeAccompanyingPerChildren) {
    }

    /** The program; a unit without id gets its type in lower case ({@code adult}), ids must be unique. */
    ExcursionProgram toProgram() {
        List<ExcursionProgram.Unit> mapped = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<UnitRequest> given = units == null ? List.of() : units;
        for (int i = 0; i < given.size(); i++) {
            UnitRequest u = given.get(i);
            String id = u.id() != null ? u.id() : u.type().name().toLowerCase(Locale.ROOT);
            if (!ids.add(id)) {
                problems.add(new FieldProblem("units[" + i + "].id", "'" + id + "' is used by another unit; give each unit its own id"));
            }
            if (u.minAge() != null && u.maxAge() != null && u.minAge() > u.maxAge()) {
                problems.add(new FieldProblem("units[" + i + "].maxAge", "must not be below minAge"));
            }
            mapped.add(new ExcursionProgram.Unit(id, u.type(), u.minAge(), u.maxAge(), u.price(), u.freeAccompanyingPerChildren()));
        }
        int min = minUnits == null ? 1 : minUnits;
        int max = maxUnits == null ? Math.max(min, 40) : maxUnits;
        if (max < min) {
            problems.add(new FieldProblem("maxUnits", "must not be below minUnits"));
        }
        AvailabilityType type = availabilityType == null ? AvailabilityType.START_TIME : availabilityType;
        OpeningHours hours = null;
        if (type == AvailabilityType.OPENING_HOURS) {
            if (openingHours == null) {
                problems.add(new FieldProblem("openingHours", "is required for availabilityType OPENING_HOURS"));
            }
            else {
                hours = openingHours.toOpeningHours(problems);
            }
        }
        else if (openingHours != null) {
            problems.add(new FieldProblem("openingHours", "only for availabilityType OPENING_HOURS"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ExcursionProgram.Rules mappedRules = new ExcursionProgram.Rules(rules.ppe(),
                Boolean.TRUE.equals(rules.ppeRequired()), rules.dressCode(), !Boolean.FALSE.equals(rules.photoAllowed()),
                rules.documents() == null ? Documents.NONE : rules.documents(),
                rules.manifestLeadDays() == null ? 0 : rules.manifestLeadDays(), rules.accessibility());
        return new ExcursionProgram(title, titleEn, description, descriptionEn, durationMinutes, List.copyOf(languages),
                minAge == null ? 0 : minAge, bookingMode, meetingPoint, mappedRules, List.copyOf(mapped), min, max,
                bookingCutoffHours == null ? 0 : bookingCutoffHours,
                cancellationCutoffHours == null ? 0 : cancellationCutoffHours, type, hours);
    }
}
