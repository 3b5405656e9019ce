package ru.promtour.gateway.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.promtour.gateway.auth.AdminKey;

/** The bootstrap admin key, checked at start in every profile: a gateway with an unusable one does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeSecurityProperties.class)
class AdminKeyConfiguration {

    @Bean
    AdminKey adminKey(EdgeSecurityProperties properties) {
        return AdminKey.of(properties.adminApiKey());
    }
}
