package ru.promtour.gateway.instances;

import java.util.List;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** Instances and fixed instance lists for the list supplier tests. */
final class InstanceListsFixture {

    static final ServiceInstance A = instance("a", 8082);

    static final ServiceInstance B = instance("b", 8082);

    private InstanceListsFixture() {
    }

    static ServiceInstance instance(String host, int port) {
        return new DefaultServiceInstance(host + ":" + port, "booking-service", host, port, false);
    }

    /** A supplier that offers the given lists, one after the other. */
    @SafeVarargs
    static ServiceInstanceListSupplier offering(List<ServiceInstance>... lists) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "booking-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.fromArray(lists);
            }
        };
    }
}
