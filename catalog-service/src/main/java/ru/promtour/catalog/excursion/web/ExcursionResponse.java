package ru.promtour.catalog.excursion.web;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;

/** An excursion program as the enterprise API shows it (flat, like the request). */
public record ExcursionResponse(String id, String enterpriseId, String status, long version, String title,
                                String titleEn, String description, String descriptionEn, int durationMinutes,
                                List<String> languages, int minAge, String bookingMode, String meetingPoint,
                                ExcursionProgram.Rules rules, List<ExcursionProgram.Unit> units, int minUnits,
                                int maxUnits, int bookingCutoffHours, int cancellationCutoffHours,
                                String availabilityType, OpeningHoursJson openingHours, Instant createdAt, Instant updatedAt, Instant publishedAt) {

    static ExcursionResponse of(Excursion e) {
        ExcursionProgram p = e.program();
        return new ExcursionResponse(e.id(), e.enterpriseId(), e.status().name(), e.version(), p.title(), p.titleEn(),
                p.description(), p.descriptionEn(), p.durationMinutes(), p.languages(), p.minAge(),
                p.bookingMode().name(), p.meetingPoint(), p.rules(), p.units(), p.minUnits(), p.maxUnits(),
                p.bookingCutoffHours(), p.cancellationCutoffHours(), p.availabilityType().name(),
                OpeningHoursJson.of(p.openingHours()), e.createdAt(), e.updatedAt(), e.publishedAt());
    }

    /** One page of programs. */
    public record Page(List<ExcursionResponse> items, int page, int size, long total) {
    }
}
