package ru.promtour.web.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web module ({@code web.*}).
 *
 * @param gatewayUrl     where the pages' API calls go: the gateway, as for any client
 * @param connectTimeout connecting to the gateway
 * @param readTimeout    waiting for an API's answer; a page shows a readable error after it
 * @param demoLogin      a hint shown on the sign-in page of a local run (empty: none)
 */
@ConfigurationProperties("web")
public record WebProperties(
        @DefaultValue("http://localhost:8080") String gatewayUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("") String demoLogin) {
}
