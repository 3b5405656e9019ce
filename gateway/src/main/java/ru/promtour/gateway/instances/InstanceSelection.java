package ru.promtour.gateway.instances;

import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.core.HealthCheckServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The instance list every service's load balancer picks from (the default configuration of each load balancer
 * child context, {@link InstancesConfiguration}): the static list, or -- with {@code platform.services.health-checks}
 * -- only the instances whose {@code /readyz} answers 200, checked every few seconds. Deliberately not a
 * {@code @Configuration}: it belongs in each service's child context, not in the gateway's own.
 */
class InstanceSelection {

    /** The switch, off by default: see application.yml ({@code platform.services.health-checks}) for why. */
    static final String HEALTH_CHECKS = "platform.services.health-checks";

    @Bean
    ServiceInstanceListSupplier instanceListSupplier(ConfigurableApplicationContext context, Environment environment,
            ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
        if (!environment.getProperty(HEALTH_CHECKS, Boolean.class, false)) {
            // what Spring Cloud LoadBalancer configures by default, plus: a retry goes elsewhere
            return new AnotherInstanceOnRetry(
                    ServiceInstanceListSupplier.builder().withDiscoveryClient().withCaching().build(context));
        }
        ServiceInstanceListSupplier listed = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        HealthCheckServiceInstanceListSupplier checked = new HealthCheckServiceInstanceListSupplier(listed,
                loadBalancers, InstanceSelection::answersReady);
        return new AnotherInstanceOnRetry(new HealthyInstances(checked, listed));
    }

    /**
     * A client of its own, not the gateway's: no tracing (a span per check every few seconds per instance is noise)
     * and no load balancer (it asks one given instance). The supplier bounds each check by the interval.
     */
    private static final WebClient CHECKS = WebClient.builder()
        .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
            .responseTimeout(Duration.ofSeconds(2))))
        .build();

    /** 200 from the instance's {@code /readyz} (on its main port); 503, another status or no answer: not ready. */
    static Mono<Boolean> answersReady(ServiceInstance instance, String path) {
        URI uri = UriComponentsBuilder.fromUri(instance.getUri()).path(path).build().toUri();
        return CHECKS.get().uri(uri)
            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()));
    }
}
