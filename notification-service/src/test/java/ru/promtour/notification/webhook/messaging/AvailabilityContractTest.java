package ru.promtour.notification.webhook.messaging;

import org.junit.jupiter.api.Test;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.contracts.Contracts;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's availability example, read through this service's own record. */
class AvailabilityContractTest {

    @Test
    void theAvailabilityExampleIsReadWithWhatAWebhookDelivers() {
        AvailabilityChanged event = Events.JSON.readValue(Contracts.example("catalog.AvailabilityChanged.v1"),
                AvailabilityChanged.class);

        assertThat(event.slotId()).isEqualTo("slot-7c1e");
        assertThat(event.productId()).isEqualTo("exc-irkutsk-hpp-dam");
        assertThat(event.optionId()).isEqualTo("DEFAULT");
        assertThat(event.ledgerVersion()).isEqualTo(42);
        assertThat(event.availability().path("id").asString()).isEqualTo("slot-7c1e");
        assertThat(event.availability().path("vacancies").asInt()).isEqualTo(4);
    }
}
