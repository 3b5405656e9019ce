package ru.promtour.security.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own path rules, declared as a bean. They are added after the public paths and before the
 * platform's shared rules, and the first matching rule wins, so a service can tighten a path the shared
 * rules cover (e.g. {@code POST /api/v1/enterprises} for ADMIN only) or add rules for its own paths.
 * Several beans are applied in {@code @Order}.
 */
@FunctionalInterface
public interface AuthorizationRulesCustomizer {

    /** Adds rules; do not call {@code anyRequest()}, the platform closes the list. */
    void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
