package ru.promtour.booking.booking.operator.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.Overloaded;
import ru.promtour.booking.config.BookingProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Past the admitted reserves, the next one is turned away (429) after its short wait, and admitted again after. */
class ReserveAdmissionTest {

    private final BookingProperties properties = new BookingProperties(new BookingProperties.Hold(30, 60),
            new BookingProperties.Expiry(Duration.ofSeconds(5), 200, Duration.ofMinutes(1)),
            new BookingProperties.Manifest(Duration.ofDays(2), 30, Duration.ofHours(1)),
            new BookingProperties.Ledger(Duration.ofSeconds(30), Duration.ofSeconds(10)),
            new BookingProperties.Admission(1, Duration.ofMillis(20), 1));
    private final ReserveAdmission admission = new ReserveAdmission(properties);

    @Test
    void aReserveBeyondTheLimitIsShedAndTheNextAfterTheFirstEndedIsAdmitted() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        Overloaded shed = catchThrowableOfType(Overloaded.class, () -> admission.admit(() -> "second"));

        assertThat(shed).isNotNull();
        assertThat(shed.shed()).isTrue();
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admission.admit(() -> "third")).isEqualTo("third");
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
