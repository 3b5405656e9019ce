package ru.promtour.catalog.excursion;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.ExcursionProgram.Unit;
import ru.promtour.catalog.excursion.ExcursionProgram.UnitType;
import ru.promtour.catalog.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class PublishCheckTest {

    static ExcursionProgram program(List<Unit> units, int minUnits, int maxUnits) {
        return new ExcursionProgram("Как рождается зефир", null, "…", null, 90, List.of("ru"), 7,
                ExcursionProgram.BookingMode.INSTANT, "Проходная №1",
                new ExcursionProgram.Rules("Халат", false, null, false, ExcursionProgram.Documents.NONE, 0, null),
                units, minUnits, maxUnits, 2, 24);
    }

    @Test
    void aCompleteProgramHasNoProblems() {
        assertThat(PublishCheck.problems(program(List.of(new Unit("adult", UnitType.ADULT, null, null, 80000, null)), 1, 40)))
                .isEmpty();
    }

    @Test
    void aProgramWithoutUnitsCannotBePublished() {
        assertThat(PublishCheck.problems(program(List.of(), 1, 40))).extracting(FieldProblem::field).containsExactly("units");
    }

    @Test
    void maxUnitsBelowMinUnitsIsNamed() {
        assertThat(PublishCheck.problems(program(List.of(new Unit("adult", UnitType.ADULT, null, null, 0, null)), 10, 5)))
                .extracting(FieldProblem::field).containsExactly("maxUnits");
    }

    @Test
    void duplicateUnitIdsAndInvertedAgeRangesAreNamed() {
        List<Unit> units = List.of(new Unit("adult", UnitType.ADULT, null, null, 1, null),
                new Unit("adult", UnitType.SENIOR, 70, 60, 1, null));
        assertThat(PublishCheck.problems(program(units, 1, 40))).extracting(FieldProblem::field)
                .containsExactly("units[1].id", "units[1].maxAge");
    }
}
