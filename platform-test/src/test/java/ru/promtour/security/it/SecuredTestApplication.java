package ru.promtour.security.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/** A tiny servlet service secured only by the library's auto-configuration, plus one rule of its own. */
@SpringBootApplication
public class SecuredTestApplication {

    /** Tightens part of the enterprise API (shared rule: ENTERPRISE or ADMIN) to the admin alone. */
    @Bean
    AuthorizationRulesCustomizer adminAreaRule() {
        return rules -> rules.requestMatchers("/api/v1/excursions/admin-area/**").hasRole("ADMIN");
    }
}
