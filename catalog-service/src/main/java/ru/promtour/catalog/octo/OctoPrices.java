package ru.promtour.catalog.octo;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.octo.AvailabilityRequest.UnitQuantity;

/**
 * Prices as OCTO's {@code octo/pricing} shows them: RUB in kopecks (precision 2), per unit, the same for every
 * slot of a program. Free accompanying adults are a booking rule, priced by the booking service, not here.
 */
public final class OctoPrices {

    public static final String CURRENCY = "RUB";
    public static final int PRECISION = 2;

    private OctoPrices() {
    }

    /** The cheapest unit's price: what one person pays at least ({@code pricingFrom}). */
    public static long from(ExcursionProgram program) {
        return program.units().stream().mapToLong(ExcursionProgram.Unit::price).min().orElse(0);
    }

    /** Σ price × quantity of the units asked for. */
    public static long total(ExcursionProgram program, List<UnitQuantity> units) {
        Map<String, Long> prices = program.units().stream()
                .collect(Collectors.toMap(ExcursionProgram.Unit::id, ExcursionProgram.Unit::price));
        return units.stream().mapToLong(u -> prices.getOrDefault(u.id(), 0L) * u.quantity()).sum();
    }
}
