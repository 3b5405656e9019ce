package ru.promtour.catalog.route;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgram.Unit;

/**
 * The units a route sells: those every leg's program offers under the same id and type (ids default to the type
 * in lower case, {@code adult}, {@code child}), so a booking of the route books each leg with the very unit ids
 * the reseller sent. A route unit's price is the sum of the legs' prices; its age range the narrowest.
 */
public final class RouteUnits {

    private RouteUnits() {
    }

    /** In the first leg's order; empty when the programs share none. */
    public static List<Unit> common(List<ExcursionProgram> programs) {
        List<Unit> common = new ArrayList<>();
        if (programs.isEmpty()) {
            return common;
        }
        for (Unit first : programs.get(0).units()) {
            Integer minAge = first.minAge();
            Integer maxAge = first.maxAge();
            long price = 0;
            boolean everywhere = true;
            for (ExcursionProgram program : programs) {
                Unit same = program.units().stream()
                        .filter(u -> u.id().equals(first.id()) && u.type() == first.type()).findFirst().orElse(null);
                if (same == null) {
                    everywhere = false;
                    break;
                }
                minAge = narrowest(minAge, same.minAge(), Math::max);
                maxAge = narrowest(maxAge, same.maxAge(), Math::min);
                price += same.price();
            }
            if (everywhere) {
                common.add(new Unit(first.id(), first.type(), minAge, maxAge, price, first.freeAccompanyingPerChildren()));
            }
        }
        return common;
    }

    /** The stricter of two optional age bounds (null: no bound). */
    private static Integer narrowest(Integer a, Integer b, BinaryOperator<Integer> stricter) {
        if (a == null) {
            return b;
        }
        return b == null ? a : stricter.apply(a, b);
    }
}
