package ru.promtour.booking.booking.operator.web;

import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.config.BookingProperties;

/**
 * Admission control of the reserve path: at most N reserves run at once, the next waits a few milliseconds at most
 * and is then refused with 429 and {@code Retry-After}. Past saturation the excess is answered quickly instead of
 * queueing in Tomcat behind work that cannot finish in time, so the admitted requests keep their latency and
 * goodput holds. The limit is a little above what the cores finish concurrently (a reserve is ~2 store writes).
 */
@Component
class ReserveAdmission {

    private final Bulkhead bulkhead;

    ReserveAdmission(BookingProperties properties) {
        BookingProperties.Admission admission = properties.admission();
        this.bulkhead = Bulkhead.of("reserve", BulkheadConfig.custom()
                .maxConcurrentCalls(admission.maxConcurrentReserves())
                .maxWaitDuration(admission.maxWait())
                .build());
    }

    <T> T admit(Supplier<T> reserve) {
        try {
            return bulkhead.executeSupplier(reserve);
        }
        catch (BulkheadFullException ex) {
            throw Overloaded.shedding("Too many reservations at once; retry after the seconds in Retry-After");
        }
    }
}
