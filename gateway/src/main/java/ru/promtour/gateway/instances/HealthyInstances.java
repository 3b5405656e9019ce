package ru.promtour.gateway.instances;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The instances that passed their last health check, or every listed instance when none did. Spring Cloud's
 * health-check supplier then offers an empty list, and the gateway would answer every call to the service with 503
 * "no instances": a failing health endpoint (or a check that cannot reach a working service) must not take the
 * service off the gateway, so the calls go to the listed instances and the breaker and retries judge them.
 */
final class HealthyInstances extends DelegatingServiceInstanceListSupplier {

    private final ServiceInstanceListSupplier listed;

    HealthyInstances(ServiceInstanceListSupplier checked, ServiceInstanceListSupplier listed) {
        super(checked);
        this.listed = listed;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().concatMap(healthy -> healthy.isEmpty() ? listed.get().take(1) : Flux.just(healthy));
    }
}
