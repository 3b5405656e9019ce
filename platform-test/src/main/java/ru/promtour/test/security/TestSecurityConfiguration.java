package ru.promtour.test.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import ru.promtour.security.config.PlatformSecurityProperties;

/**
 * {@code @Import} it into a service's {@code @SpringBootTest} to make the service trust
 * {@link TestTokens}' key instead of the gateway's JWKS; every other part of the security setup (claim
 * checks, roles, path rules, error bodies) stays the production one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
        return TestTokens.jwtDecoder(properties);
    }
}
