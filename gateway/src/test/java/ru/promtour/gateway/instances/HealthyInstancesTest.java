package ru.promtour.gateway.instances;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.gateway.instances.InstanceListsFixture.A;
import static ru.promtour.gateway.instances.InstanceListsFixture.B;
import static ru.promtour.gateway.instances.InstanceListsFixture.offering;

class HealthyInstancesTest {

    @Test
    void offersTheInstancesThatPassedTheirChecks() {
        HealthyInstances instances = new HealthyInstances(offering(List.of(A)), offering(List.of(A, B)));

        assertThat(instances.get().blockFirst()).containsExactly(A);
    }

    @Test
    void offersEveryListedInstanceWhenNoneIsHealthy() {
        HealthyInstances instances = new HealthyInstances(offering(List.of(), List.of(B)), offering(List.of(A, B)));

        assertThat(instances.get().collectList().block()).containsExactly(List.of(A, B), List.of(B));
    }
}
