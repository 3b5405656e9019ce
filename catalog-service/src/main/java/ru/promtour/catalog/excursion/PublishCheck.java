package ru.promtour.catalog.excursion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ru.promtour.catalog.shared.FieldProblem;

/**
 * What a program needs before operators may sell it. A draft may be incomplete; a published program
 * (and every update of one) must pass these checks.
 */
public final class PublishCheck {

    private PublishCheck() {
    }

    /** Every missing or contradictory part, empty when the program can be published. */
    public static List<FieldProblem> problems(ExcursionProgram p) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(p.title())) {
            problems.add(new FieldProblem("title", "is required"));
        }
        if (blank(p.description())) {
            problems.add(new FieldProblem("description", "is required"));
        }
        if (p.durationMinutes() <= 0) {
            problems.add(new FieldProblem("durationMinutes", "must be positive"));
        }
        if (p.languages() == null || p.languages().isEmpty()) {
            problems.add(new FieldProblem("languages", "at least one language is required"));
        }
        if (p.bookingMode() == null) {
            problems.add(new FieldProblem("bookingMode", "is required"));
        }
        if (blank(p.meetingPoint())) {
            problems.add(new FieldProblem("meetingPoint", "is required"));
        }
        if (p.rules() == null) {
            problems.add(new FieldProblem("rules", "are required"));
        }
        if (p.units() == null || p.units().isEmpty()) {
            problems.add(new FieldProblem("units", "at least one unit is required"));
        }
        else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < p.units().size(); i++) {
                ExcursionProgram.Unit unit = p.units().get(i);
                if (!ids.add(unit.id())) {
                    problems.add(new FieldProblem("units[" + i + "].id", "duplicates another unit's id"));
                }
                if (unit.minAge() != null && unit.maxAge() != null && unit.minAge() > unit.maxAge()) {
                    problems.add(new FieldProblem("units[" + i + "].maxAge", "must not be below minAge"));
                }
            }
        }
        if (p.minUnits() < 1) {
            problems.add(new FieldProblem("minUnits", "must be at least 1"));
        }
        if (p.maxUnits() < p.minUnits()) {
            problems.add(new FieldProblem("maxUnits", "must not be below minUnits"));
        }
        if (p.openingHoursProduct()) {
            if (p.openingHours() == null) {
                problems.add(new FieldProblem("openingHours", "is required for availabilityType OPENING_HOURS"));
            }
            else {
                problems.addAll(p.openingHours().problems("openingHours"));
            }
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
