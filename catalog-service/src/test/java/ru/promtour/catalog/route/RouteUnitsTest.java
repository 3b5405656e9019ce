package ru.promtour.catalog.route;

import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgram.Unit;
import ru.promtour.catalog.excursion.ExcursionProgram.UnitType;

import static org.assertj.core.api.Assertions.assertThat;

/** Which units a route sells, at which price and ages, from its legs' programs. */
class RouteUnitsTest {

    private static ExcursionProgram program(Unit... units) {
        return new ExcursionProgram("P", null, "…", null, 90, List.of("ru"), 0, ExcursionProgram.BookingMode.INSTANT,
                "Проходная", null, List.of(units), 1, 40, 0, 0);
    }

    @Test
    void aRouteSellsTheUnitsEveryLegOffersUnderTheSameIdAndTypeAtTheSumOfTheirPrices() {
        ExcursionProgram marshmallow = program(new Unit("adult", UnitType.ADULT, null, null, 80000, null),
                new Unit("child", UnitType.CHILD, 7, 17, 50000, 10), new Unit("senior", UnitType.SENIOR, null, null, 40000, null));
        ExcursionProgram cheese = program(new Unit("child", UnitType.CHILD, 10, null, 30000, null),
                new Unit("adult", UnitType.ADULT, null, null, 60000, null), new Unit("senior", UnitType.ADULT, null, null, 1, null));

        List<Unit> units = RouteUnits.common(List.of(marshmallow, cheese));

        assertThat(units).extracting(Unit::id).as("the first leg's order; senior is not the same type").containsExactly("adult", "child");
        assertThat(units.get(0).price()).isEqualTo(140000);
        Unit child = units.get(1);
        assertThat(child.price()).isEqualTo(80000);
        assertThat(child.minAge()).as("the narrowest range").isEqualTo(10);
        assertThat(child.maxAge()).isEqualTo(17);
    }

    @Test
    void programsWithoutACommonUnitGiveNone() {
        assertThat(RouteUnits.common(List.of(program(new Unit("adult", UnitType.ADULT, null, null, 1, null)),
                program(new Unit("student", UnitType.STUDENT, null, null, 1, null))))).isEmpty();
    }
}
