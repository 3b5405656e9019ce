package ru.promtour.gateway.instances;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the simple discovery client's static instance lists be written as URL lists (application.yml,
 * {@code spring.cloud.discovery.client.simple.instances}); the {@code lb://} routes and the gateway's own calls to
 * the services pick among them with Spring Cloud LoadBalancer (round robin), from the instances that pass their
 * health checks when those are on ({@link InstanceSelection}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceSelection.class)
class InstancesConfiguration {

    /** Static: the binder asks for its converters before this configuration's other beans exist. */
    @Bean
    @ConfigurationPropertiesBinding
    static InstanceUri instanceUri() {
        return new InstanceUri();
    }
}
