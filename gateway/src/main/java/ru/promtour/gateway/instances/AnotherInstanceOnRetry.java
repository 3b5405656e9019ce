package ru.promtour.gateway.instances;

import java.util.List;
import java.util.Objects;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * Leaves out the instance a route's previous attempt went to, when another one is listed: a retry (Retry,
 * ConnectRetry) must reach another instance, and plain round robin gives the same one again when other requests
 * took turns in between. The previous choice is the gateway's load balancer response kept in the exchange
 * attributes, which the load balancer request carries; a first attempt has none and sees the whole list.
 */
final class AnotherInstanceOnRetry extends DelegatingServiceInstanceListSupplier {

    AnotherInstanceOnRetry(ServiceInstanceListSupplier delegate) {
        super(delegate);
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get();
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        String previous = previousInstance(request);
        if (previous == null) {
            return delegate.get(request);
        }
        return delegate.get(request).map(instances -> {
            List<ServiceInstance> others = instances.stream()
                .filter(instance -> !previous.equals(instance.getInstanceId()))
                .toList();
            return others.isEmpty() ? instances : others;
        });
    }

    private static String previousInstance(Request<?> request) {
        if (request == null || !(request.getContext() instanceof RequestDataContext context)
                || context.getClientRequest() == null || context.getClientRequest().getAttributes() == null) {
            return null;
        }
        Object chosen = context.getClientRequest().getAttributes()
            .get(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
        if (chosen instanceof Response<?> response && response.hasServer()
                && response.getServer() instanceof ServiceInstance instance) {
            return Objects.toString(instance.getInstanceId(), null);
        }
        return null;
    }
}
