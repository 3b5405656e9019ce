package ru.promtour.catalog.config;

import java.util.Date;
import java.util.Map;

import com.mongodb.client.model.Filters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.route.Route;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.messaging.metrics.SummedFields;
import ru.promtour.messaging.outbox.OutboxCollections;
import ru.promtour.security.web.AuthorizationRulesCustomizer;

/** Wiring of the catalog: its outbox collections, its seat gauges and the rules stricter than the platform's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogProperties.class)
@EnableScheduling
class CatalogConfiguration {

    /** The relay timer sweeps these for events a crash left behind. */
    @Bean
    OutboxCollections catalogOutboxCollections() {
        return OutboxCollections.of(Excursion.COLLECTION, Slot.COLLECTION, Enterprise.COLLECTION, Route.COLLECTION);
    }

    /**
     * {@code seats.held} and {@code seats.sold} as this projection of the ledger sees them: summed over every slot of a
     * visit still to come that is not cancelled, by the messaging library's poller (never per scrape).
     */
    @Bean
    SummedFields seatGauges(MongoOperations mongo) {
        return new SummedFields(mongo, Slot.COLLECTION,
                () -> Filters.and(Filters.gt("start", new Date()), Filters.ne("status", "CANCELLED")),
                Map.of("seats.held", "held", "seats.sold", "confirmed"));
    }

    /**
     * Only the admin lists and registers enterprises (an enterprise reads only itself, by id); programs are created by an enterprise for itself (the admin has
     * no enterprise id to create them under). Routes are defined by operators and the admin; every tenant reads
     * them (the service shows each the routes it may see). Past slots are imported by the admin only.
     * Everything else: enterprise or admin, by the platform rules.
     */
    @Bean
    AuthorizationRulesCustomizer catalogRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/v1/enterprises").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/enterprises").hasRole("ADMIN")
                // the history import (issue 18) writes past slots no enterprise could create: the admin's alone
                .requestMatchers(HttpMethod.POST, "/api/v1/excursions/*/history-slots").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/excursions").hasRole("ENTERPRISE")
                .requestMatchers(HttpMethod.GET, "/api/v1/routes", "/api/v1/routes/**").authenticated()
                .requestMatchers("/api/v1/routes", "/api/v1/routes/**").hasAnyRole("OPERATOR", "ADMIN");
    }
}
