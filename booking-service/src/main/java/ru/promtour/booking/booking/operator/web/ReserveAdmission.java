package ru.promtour.booking.booking.operator.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.config.BookingProperties;

/**
 * Admission control of the reserve path, in two stages.
 * <ol>
 *   <li>The slot's lane: at most a few reserves of one slot run at once, the next waits up to 2 s. Writes to
 *       one ledger document happen one at a time in the store whatever the concurrency, so more would only queue
 *       there while holding store capacity other slots could use. The wait is long because it is short in
 *       practice: a slot fills up in a few writes, and from then on a waiting reserve is answered sold out from
 *       memory, so the losers of a 1,000-way race get a business answer instead of a refusal.</li>
 *   <li>The store: at most N reserves run at once across slots, the next waits a few milliseconds at most and is
 *       then refused with 429 and {@code Retry-After}. Past saturation the excess is answered quickly instead of
 *       queueing in Tomcat behind work that cannot finish in time, so the admitted requests keep their latency
 *       and goodput holds.</li>
 * </ol>
 * A reserve that can be answered without the store (the slot is known to be sold out) needs neither stage.
 */
@Component
class ReserveAdmission {

    private final Bulkhead store;
    private final LoadingCache<String, Bulkhead> lanes;

    ReserveAdmission(BookingProperties properties) {
        BookingProperties.Admission admission = properties.admission();
        this.store = Bulkhead.of("reserve", BulkheadConfig.custom()
                .maxConcurrentCalls(admission.maxConcurrentReserves())
                .maxWaitDuration(admission.maxWait())
                .build());
        BulkheadConfig lane = BulkheadConfig.custom()
                .maxConcurrentCalls(admission.perSlotConcurrentReserves())
                .maxWaitDuration(admission.perSlotMaxWait())
                .build();
        // a lane lives while its slot is being booked; an idle one is dropped (no waiter can hold it: waits are bounded)
        this.lanes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(1)).maximumSize(100_000)
                .build(slotId -> Bulkhead.of("reserve-" + slotId, lane));
    }

    /**
     * Runs the reserve when admitted, or refuses it with {@link Overloaded}.
     *
     * @param slotId         the availability asked for (null: no lane, the reserve refuses it anyway)
     * @param answeredAtOnce whether the reserve would be answered without the store right now (checked again
     *                       after the lane's wait)
     */
    <T> T admit(String slotId, BooleanSupplier answeredAtOnce, Supplier<T> reserve) {
        if (answeredAtOnce.getAsBoolean()) {
            return reserve.get();
        }
        Supplier<T> admitted = () -> answeredAtOnce.getAsBoolean() ? reserve.get() : store.executeSupplier(reserve);
        try {
            return slotId == null ? admitted.get() : lanes.get(slotId).executeSupplier(admitted);
        }
        catch (BulkheadFullException ex) {
            throw Overloaded.shedding("Too many reservations at once; retry after the seconds in Retry-After");
        }
    }
}
