package ru.promtour.security.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives {@code platform.security.jwk-set-uri} its default {@code ${GATEWAY_JWKS_URI:…}} as the lowest
 * property source. A placeholder in {@code @DefaultValue} is not resolved by Boot 4.0's binder, and no
 * service should have to repeat the line in its {@code application.yml}; any real setting still wins.
 */
public class PlatformSecurityEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "platformSecurityDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "platform.security.jwk-set-uri",
                "${GATEWAY_JWKS_URI:" + PlatformSecurityProperties.DEFAULT_JWK_SET_URI + "}")));
    }
}
