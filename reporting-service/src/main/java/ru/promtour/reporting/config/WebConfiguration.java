package ru.promtour.reporting.config;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.promtour.reporting.csv.web.CsvTableHttpMessageConverter;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Reports answer {@code text/csv} to {@code Accept: text/csv}. */
    @Bean
    ServerHttpMessageConvertersCustomizer csvConverter() {
        return converters -> converters.addCustomConverter(new CsvTableHttpMessageConverter());
    }

    /** The projection's handle is the admin's; who sees which report is decided per report, by the caller's tenant. */
    @Bean
    AuthorizationRulesCustomizer reportingRules() {
        return rules -> rules.requestMatchers("/api/v1/reporting/**").hasRole("ADMIN")
                .requestMatchers("/api/v1/analytics/**").hasAnyRole("ADMIN", "ENTERPRISE");
    }
}
