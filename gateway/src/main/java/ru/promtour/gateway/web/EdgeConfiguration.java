package ru.promtour.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one client-address resolver, from the trusted proxies checked at start: a malformed entry stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EdgeConfiguration.class);

    @Bean
    ClientAddresses clientAddresses(EdgeProperties properties) {
        TrustedProxies proxies = TrustedProxies.parse(properties.trustedProxies());
        if (!proxies.isEmpty()) {
            log.info("Client addresses are read from X-Forwarded-For sent by the trusted proxies {}", proxies);
        }
        return new ClientAddresses(proxies);
    }
}
