package ru.promtour.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminApiKey   the bootstrap admin key ({@code ADMIN_API_KEY}); required in the docker profile
 * @param tokenLifetime how long an internal identity token is valid
 */
@ConfigurationProperties("platform.security")
public record EdgeSecurityProperties(String adminApiKey, @DefaultValue("60s") Duration tokenLifetime) {

    @Override
    public String toString() {
        return "EdgeSecurityProperties[adminApiKey=" + (adminApiKey == null || adminApiKey.isBlank() ? "unset" : "***")
                + ", tokenLifetime=" + tokenLifetime + "]";
    }
}
