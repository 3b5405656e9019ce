package ru.promtour.gateway.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import ru.promtour.gateway.identity.InternalTokens;
import ru.promtour.gateway.identity.SigningKeyStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeSecurityProperties.class)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeyStore signingKeyStore(ReactiveMongoTemplate mongo) {
        return new SigningKeyStore(mongo);
    }

    /** Loaded once at start (creating the key on the very first start), before any request is served. */
    @Bean
    InternalTokens internalTokens(SigningKeyStore store, EdgeSecurityProperties properties, Clock clock) {
        return new InternalTokens(store.current().block(java.time.Duration.ofSeconds(30)), properties.tokenLifetime(),
                properties.tokenReuse(), properties.apiKeyCache().maxSize(), clock);
    }
}
