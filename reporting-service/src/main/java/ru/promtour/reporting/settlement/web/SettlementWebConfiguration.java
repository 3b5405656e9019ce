package ru.promtour.reporting.settlement.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

@Configuration(proxyBeanMethods = false)
class SettlementWebConfiguration {

    /** Closing a month is the admin's; who sees which statement is decided per request, by the caller's tenant. */
    @Bean
    AuthorizationRulesCustomizer settlementRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/v1/statements/close").hasRole("ADMIN");
    }
}
