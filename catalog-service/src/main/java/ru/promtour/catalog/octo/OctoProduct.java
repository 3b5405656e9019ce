package ru.promtour.catalog.octo;

import java.time.LocalTime;
import java.util.List;

import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;

/**
 * A published excursion as an OCTO product, with the distinct local start times of its upcoming slots.
 */
public record OctoProduct(Excursion excursion, Enterprise enterprise, List<LocalTime> startTimes) {

    public String id() {
        return excursion.id();
    }

    public ExcursionProgram program() {
        return excursion.program();
    }
}
