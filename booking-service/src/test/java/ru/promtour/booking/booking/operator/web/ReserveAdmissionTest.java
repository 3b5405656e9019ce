package ru.promtour.booking.booking.operator.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.config.BookingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Past the admitted reserves, the next one is turned away (429) after its short wait, and admitted again after;
 * reserves of one slot queue in its lane and, once the slot is known sold out, are answered without the store.
 */
class ReserveAdmissionTest {

    private final ReserveAdmission admission = new ReserveAdmission(properties(1, Duration.ofMillis(20), 1,
            Duration.ofSeconds(5)));

    @Test
    void aReserveBeyondTheLimitIsShedAndTheNextAfterTheFirstEndedIsAdmitted() throws Exception {
        InFlight first = inFlight(admission, "slot-1", () -> { });

        // another slot's lane is free, the store's one permit is not
        Overloaded shed = catchThrowableOfType(Overloaded.class, () -> admission.admit("slot-2", () -> false,
                () -> "second"));

        assertThat(shed).isNotNull();
        assertThat(shed.shed()).isTrue();
        assertThat(first.finish()).isEqualTo("first");
        assertThat(admission.admit("slot-2", () -> false, () -> "third")).isEqualTo("third");
    }

    @Test
    void reservesOfOneSlotWaitInItsLaneAndAreAnsweredWithoutTheStoreOnceItIsSoldOut() throws Exception {
        AtomicBoolean soldOut = new AtomicBoolean();
        AtomicInteger loserRuns = new AtomicInteger();
        InFlight winner = inFlight(admission, "slot-1", () -> soldOut.set(true));
        // longer than the store's 20 ms wait: a loser waits in the lane, not in the store's queue
        CompletableFuture<String> loser = CompletableFuture.supplyAsync(() -> admission.admit("slot-1", soldOut::get,
                () -> {
                    loserRuns.incrementAndGet();
                    return soldOut.get() ? "sold out" : "held too";
                }));

        assertThat(catchThrowableOfType(TimeoutException.class,
                () -> loser.get(200, TimeUnit.MILLISECONDS))).isNotNull();
        assertThat(winner.finish()).isEqualTo("first");
        assertThat(loser.get(5, TimeUnit.SECONDS)).isEqualTo("sold out");
        assertThat(loserRuns).hasValue(1);
        // a slot known to be sold out is answered without entering its lane or the store
        assertThat(admission.admit("slot-1", soldOut::get, () -> "sold out")).isEqualTo("sold out");
    }

    @Test
    void aLaneWaitLongerThanItsBoundIsShed() throws Exception {
        ReserveAdmission shortLanes = new ReserveAdmission(properties(4, Duration.ofMillis(20), 1, Duration.ofMillis(50)));
        InFlight first = inFlight(shortLanes, "slot-1", () -> { });

        Overloaded shed = catchThrowableOfType(Overloaded.class, () -> shortLanes.admit("slot-1", () -> false,
                () -> "second"));

        assertThat(shed).isNotNull();
        assertThat(shed.shed()).isTrue();
        assertThat(first.finish()).isEqualTo("first");
    }

    private static BookingProperties properties(int concurrent, Duration wait, int perSlot, Duration perSlotWait) {
        return new BookingProperties(new BookingProperties.Hold(30, 60),
                new BookingProperties.Expiry(Duration.ofSeconds(5), 200, Duration.ofMinutes(1)),
                new BookingProperties.Manifest(Duration.ofDays(2), 30, Duration.ofHours(1)),
                new BookingProperties.Ledger(Duration.ofSeconds(30), Duration.ofSeconds(10)),
                new BookingProperties.Admission(concurrent, wait, perSlot, perSlotWait, 1),
                new BookingProperties.Waitlist(Duration.ofHours(2), Duration.ofSeconds(30)));
    }

    /** A reserve admitted on {@code slotId} and running until {@link InFlight#finish}, which runs {@code atEnd} first. */
    private static InFlight inFlight(ReserveAdmission admission, String slotId, Runnable atEnd) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> reserve = CompletableFuture.supplyAsync(() -> admission.admit(slotId, () -> false, () -> {
            running.countDown();
            await(release);
            atEnd.run();
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return new InFlight(reserve, release);
    }

    private record InFlight(CompletableFuture<String> reserve, CountDownLatch release) {

        String finish() throws Exception {
            release.countDown();
            return reserve.get(5, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
