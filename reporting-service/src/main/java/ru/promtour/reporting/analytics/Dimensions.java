package ru.promtour.reporting.analytics;

import java.util.Map;

import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramFact;

/**
 * The dimensions of a visit, from the program facts: the region and industry of its enterprise. A program the
 * projection has not seen (its events not read yet) counts as {@code UNKNOWN}, never dropped, so totals still add up.
 */
final class Dimensions {

    record Program(String id, String title, String enterpriseId, String enterpriseName, String region,
                   String industry) {
    }

    private final Map<String, ProgramFact> programs;

    Dimensions(Map<String, ProgramFact> programs) {
        this.programs = programs;
    }

    Program of(BookingFact booking) {
        return of(booking.programId(), booking.programTitle(), booking.enterpriseId(), booking.enterpriseName());
    }

    Program of(String programId, String title, String enterpriseId, String enterpriseName) {
        ProgramFact p = programId == null ? null : programs.get(programId);
        if (p == null) {
            return new Program(programId, title, enterpriseId, enterpriseName, ProgramFact.UNKNOWN, ProgramFact.UNKNOWN);
        }
        return new Program(p.id(), p.title() != null ? p.title() : title,
                p.enterpriseId() != null ? p.enterpriseId() : enterpriseId,
                p.enterpriseName() != null ? p.enterpriseName() : enterpriseName,
                p.region() != null ? p.region() : ProgramFact.UNKNOWN,
                p.industry() != null ? p.industry() : ProgramFact.UNKNOWN);
    }
}
