package ru.promtour.gateway.config;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import ru.promtour.gateway.identity.InternalTokens;
import ru.promtour.gateway.identity.SigningKeyDirectory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeSecurityProperties.class)
@EnableScheduling
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** Where gateways before this one kept the signing key, readable by every service sharing the Mongo server. */
    private static final String LEGACY_KEY_COLLECTION = "signing_keys";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Read once at start (the first key created on the very first start), before any request is served. */
    @Bean
    SigningKeyDirectory signingKeys(EdgeSecurityProperties properties, Clock clock) {
        EdgeSecurityProperties.SigningKeys keys = properties.signingKeys();
        return SigningKeyDirectory.open(keys.directory(), keys.activationDelay(), keys.retention(), clock);
    }

    /** Each instance re-reads the directory: keys another instance wrote, the move to a new key, retired keys. */
    @Bean
    SchedulingConfigurer signingKeyReload(SigningKeyDirectory keys, EdgeSecurityProperties properties) {
        return registrar -> registrar.addFixedDelayTask(keys::reload, properties.signingKeys().reloadInterval());
    }

    @Bean
    InternalTokens internalTokens(SigningKeyDirectory keys, EdgeSecurityProperties properties, Clock clock) {
        return new InternalTokens(keys, properties.tokenLifetime(), properties.tokenReuse(),
                properties.apiKeyCache().maxSize(), clock);
    }

    /** Drops the private key older gateways stored in Mongo: it must not stay readable there once unused. */
    @Bean
    ApplicationRunner dropLegacySigningKey(ReactiveMongoTemplate mongo) {
        return args -> mongo.collectionExists(LEGACY_KEY_COLLECTION)
            .filter(Boolean::booleanValue)
            .flatMap(exists -> mongo.dropCollection(LEGACY_KEY_COLLECTION).thenReturn(LEGACY_KEY_COLLECTION))
            .subscribe(dropped -> log.info("Dropped the collection {}: the signing keys live in files now", dropped),
                    ex -> log.warn("The legacy signing key collection could not be dropped: {}", ex.toString()));
    }
}
