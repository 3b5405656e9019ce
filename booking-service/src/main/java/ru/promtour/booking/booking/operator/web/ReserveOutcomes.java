package ru.promtour.booking.booking.operator.web;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.Overloaded;

/**
 * {@code booking.reserve}, the reserves by {@code outcome}: {@code HELD} (seats held, also while awaiting the
 * enterprise's approval), {@code WAITLISTED}, a refusal's reason ({@code SOLD_OUT}, {@code CLOSED},
 * {@code CANCELLED}, {@code CUTOFF_PASSED}, {@code UNKNOWN_SLOT}, or the OCTO code of an invalid request),
 * {@code SHED} (admission control turned it away), {@code BUSY} (the slot changed too fast to decide) and
 * {@code ERROR}. A replay of a stored booking counts by its status. Every value comes from a fixed set: no ids.
 */
@Component
class ReserveOutcomes {

    static final String METER = "booking.reserve";

    private final MeterRegistry registry;

    ReserveOutcomes(MeterRegistry registry) {
        this.registry = registry;
        // the usual outcomes exist from the start, so a rate over them is defined before the first reserve
        for (String outcome : new String[] {"HELD", "WAITLISTED", "SOLD_OUT", "CLOSED", "SHED", "ERROR"}) {
            counter(outcome);
        }
    }

    /** Runs the reserve and counts its outcome, {@code outcome} naming a successful one from its answer. */
    <T> T count(Supplier<T> reserve, Function<T, String> outcome) {
        String result = "ERROR";
        try {
            T answer = reserve.get();
            result = outcome.apply(answer);
            return answer;
        }
        catch (BookingRefusal ex) {
            result = ex.reason();
            throw ex;
        }
        catch (Overloaded ex) {
            result = ex.shed() ? "SHED" : "BUSY";
            throw ex;
        }
        finally {
            counter(result).increment();
        }
    }

    /** A booking's status as an outcome: ON_HOLD and PENDING hold seats. */
    static String ofStatus(String status) {
        return "ON_HOLD".equals(status) || "PENDING".equals(status) ? "HELD" : status;
    }

    private Counter counter(String outcome) {
        return Counter.builder(METER).tag("outcome", outcome).description("Reserves by outcome").register(registry);
    }
}
