package ru.promtour.reporting.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program as the catalog published it: its enterprise's region and industry (the analytics' dimensions) and every
 * price list it had (keyed by the program's version), each from the time it was published (a booking is priced at the list of its booking time).
 */
public record ProgramFact(String id, String enterpriseId, String enterpriseName, String region, String industry,
                          String title, String status, long version, Map<String, PriceList> prices) {

    public static final String UNKNOWN = "UNKNOWN";

    /** One published price list, in kopecks. */
    public record PriceList(long version, Instant from, List<UnitPrice> units) {
    }

    public record UnitPrice(String unitId, String type, long price, String currency) {
    }

    /** The price list in force at {@code time}: the newest from before it, else the first one. */
    public Optional<PriceList> pricesAt(Instant time) {
        if (prices == null || prices.isEmpty()) {
            return Optional.empty();
        }
        List<PriceList> sorted = prices.values().stream().sorted(Comparator.comparingLong(PriceList::version)).toList();
        PriceList chosen = sorted.get(0);
        for (PriceList list : sorted) {
            if (time != null && list.from() != null && !list.from().isAfter(time)) {
                chosen = list;
            }
        }
        return Optional.of(chosen);
    }
}
