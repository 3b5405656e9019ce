package ru.promtour.catalog.octo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;


/**
 * One date of a route product: a chain of slots, one per leg, at compatible times.
 *
 * @param id          the chain's slot ids joined with {@value #SEPARATOR} in leg order: what a reserve sends back as
 *                    {@code availabilityId}, naming the slot each leg is held on
 * @param localStart  the first leg's start
 * @param localEnd    the last leg's end (its start + its duration)
 * @param utcCutoffAt the earliest cut-off among the legs: from then on some leg takes no booking
 * @param status      the worst of the legs' (AVAILABLE, LIMITED, SOLD_OUT, CLOSED)
 * @param vacancies   the fewest of the legs' vacancies: a group needs a seat on every leg
 * @param capacity    the smallest of the legs' capacities
 * @param available   every leg takes the units asked for
 * @param maxUnits    the fewest of the legs' {@code maxUnits}
 */
public record RouteAvailability(String id, List<SlotAvailability> legs, OffsetDateTime localStart,
                                OffsetDateTime localEnd, Instant utcCutoffAt, AvailabilityStatus status, int vacancies,
                                int capacity, boolean available, int maxUnits) {

    public static final String SEPARATOR = "~";

    static RouteAvailability of(List<SlotAvailability> chain) {
        return new RouteAvailability(chain.stream().map(a -> a.slot().id()).collect(Collectors.joining(SEPARATOR)),
                List.copyOf(chain), chain.get(0).localStart(), chain.get(chain.size() - 1).localEnd(),
                chain.stream().map(SlotAvailability::utcCutoffAt).min(Comparator.naturalOrder()).orElseThrow(),
                chain.stream().map(SlotAvailability::status).max(Comparator.naturalOrder()).orElseThrow(),
                chain.stream().mapToInt(SlotAvailability::vacancies).min().orElse(0),
                chain.stream().mapToInt(SlotAvailability::capacity).min().orElse(0),
                chain.stream().allMatch(SlotAvailability::available),
                chain.stream().mapToInt(SlotAvailability::maxUnits).min().orElse(0));
    }

    /** The slot ids an availability id names, in leg order (any number; the caller checks it against the legs). */
    static List<String> slotIds(String availabilityId) {
        return List.of(availabilityId.split(SEPARATOR, -1));
    }
}
